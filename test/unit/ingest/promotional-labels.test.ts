/**
 * The promotional tagger against a hand-labelled set: every sentence the old
 * tagger (pattern or publisher name) tagged in three clinics' corpora, every
 * sentence naming the clinic, and the sentences the new tagger tags besides,
 * each labelled by an editor as promotional (cta, offer, framing, testimonial)
 * or factual (fact, care: when or whom to call for care). The floors are the
 * figures measured when the classifier was written; CTA recall must stay at 1:
 * a sales pitch quoted as an answer is worse than a lost fact.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { articleSentences } from "../../../src/doctor/corpus-text.js";
import { approvedArticles, loadArticles } from "../../../src/ingest/load-articles.js";
import { createPromoMatcher, loadPromoPatterns, type PromoMatcher } from "../../../src/ingest/promotional.js";

interface Label {
  corpus: "ketamine" | "physio" | "derm";
  articleId: string;
  sentence: string;
  label: "promotional" | "factual";
  kind: "cta" | "offer" | "framing" | "testimonial" | "fact" | "care";
  oldTagged: boolean;
  namesClinic: boolean;
}

const LABELS: Label[] = readFileSync(path.resolve("test/fixtures/promotional/labels.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as Label);
const CORPORA: Record<Label["corpus"], string> = {
  ketamine: "corpus/ketamine-pain/articles",
  physio: "corpus/physio/articles",
  derm: "corpus/derm/articles",
};

export interface Scores {
  precision: number;
  recall: number;
}
function score(labels: Label[], tagged: (l: Label) => boolean): Scores {
  const tp = labels.filter((l) => tagged(l) && l.label === "promotional").length;
  const fp = labels.filter((l) => tagged(l) && l.label === "factual").length;
  const fn = labels.filter((l) => !tagged(l) && l.label === "promotional").length;
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

const matchers = new Map<string, PromoMatcher>();
const sentencesOf = new Map<string, Set<string>>();
beforeAll(async () => {
  const rules = await loadPromoPatterns(path.resolve("corpus/defaults/promotional.yaml"));
  for (const [name, dir] of Object.entries(CORPORA)) {
    const articles = approvedArticles(await loadArticles(path.resolve(dir)));
    matchers.set(name, createPromoMatcher(rules, articles.map((a) => a.publisher)));
    sentencesOf.set(name, new Set(articles.flatMap((a) => articleSentences(a).map((s) => `${a.id}\u0000${s.text}`))));
  }
});
const isTagged = (l: Label) => matchers.get(l.corpus)!.isPromotional(l.sentence);

describe("the labelled set", () => {
  it("still matches the corpora: every labelled sentence is a sentence of its article", () => {
    const missing = LABELS.filter((l) => !sentencesOf.get(l.corpus)!.has(`${l.articleId}\u0000${l.sentence}`));
    expect(missing).toEqual([]);
    expect(LABELS.filter((l) => l.kind === "cta").length).toBeGreaterThanOrEqual(20);
  });

  it("tags every call to action", () => {
    expect(LABELS.filter((l) => l.kind === "cta" && !isTagged(l)).map((l) => l.sentence)).toEqual([]);
  });

  it("never tags an instruction about when or whom to call for care", () => {
    const care = LABELS.filter((l) => l.kind === "care");
    expect(care.length).toBeGreaterThanOrEqual(5);
    expect(care.filter(isTagged).map((l) => l.sentence)).toEqual([]);
  });

  it("keeps the factual sentences that name the clinic", () => {
    const named = LABELS.filter((l) => l.namesClinic && l.label === "factual");
    expect(named.length).toBeGreaterThanOrEqual(20);
    expect(named.filter(isTagged).map((l) => l.sentence)).toEqual([]);
  });

  it("beats the old tagger's precision by far without losing recall", () => {
    const now = score(LABELS, isTagged);
    const before = score(LABELS, (l) => l.oldTagged);
    expect(now.recall).toBeGreaterThanOrEqual(0.94);
    expect(now.precision).toBeGreaterThanOrEqual(0.97);
    expect(now.recall).toBeGreaterThanOrEqual(before.recall);
    expect(now.precision).toBeGreaterThan(before.precision + 0.3);
  });
});
