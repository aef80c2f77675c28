import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, splitSentences } from "../../../src/answer/text.js";
import { chunkArticle, collapseNearDuplicates, jaccard, parseBlocks } from "../../../src/ingest/chunk.js";
import { wordTokens } from "../../../src/answer/text.js";
import { createPromoMatcher, promoRules } from "../../../src/ingest/promotional.js";
import type { Article } from "../../../src/types.js";

const promo = createPromoMatcher([{ pattern: "\\bschedule\\b.{0,40}\\bconsultation\\b", flags: "i" }], ["Acme Pain Clinic"]);

function article(body: string, id = "sample"): Article {
  return { id, title: "Sample Article", publisher: "Acme Pain Clinic", reviewed: "2026-01-01", status: "approved", url: null, body, source: "articles/sample.md" };
}

const sentence = (i: number) => `Sentence number ${i} talks about ketamine sessions and how patients feel afterwards in some detail.`;

describe("parseBlocks", () => {
  it("tracks the heading path and drops the level-1 title", () => {
    const blocks = parseBlocks("# Title\n\nIntro text here.\n\n## Side Effects\n\n### Common\n\nNausea happens.\n\n## Other\n\nMore.");
    expect(blocks.map((b) => [b.text, b.sectionPath])).toEqual([
      ["Intro text here.", []],
      ["Nausea happens.", ["Side Effects", "Common"]],
      ["More.", ["Other"]],
    ]);
  });

  it("keeps each list item as its own block", () => {
    const blocks = parseBlocks("## List\n\n- first item\n- second item\n1. third item");
    expect(blocks.map((b) => b.text)).toEqual(["first item", "second item", "third item"]);
  });
});

describe("chunkArticle", () => {
  it("carries article id, title and section on every chunk", () => {
    const chunks = chunkArticle(article("## How It Works\n\n" + [1, 2, 3].map(sentence).join(" ")), promo);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ id: "sample#0", articleId: "sample", title: "Sample Article", section: "How It Works", promotional: false });
  });

  it("keeps chunks within 200 words and never splits a sentence", () => {
    const body = "## Long\n\n" + Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ");
    const chunks = chunkArticle(article(body), promo);
    expect(chunks.length).toBeGreaterThan(1);
    const all = new Set(splitSentences(Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ")));
    for (const c of chunks) {
      expect(countWords(c.text)).toBeLessThanOrEqual(200);
      for (const s of splitSentences(c.text)) expect(all.has(s)).toBe(true);
    }
  });

  it("never crosses a section boundary", () => {
    const chunks = chunkArticle(article(`## A\n\n${sentence(1)}\n\n## B\n\n${sentence(2)}`), promo);
    expect(chunks.map((c) => c.section)).toEqual(["A", "B"]);
  });

  it("never splits a list item", () => {
    const item = "Label: " + Array.from({ length: 8 }, (_, i) => sentence(i)).join(" ");
    const chunks = chunkArticle(article(`## L\n\n- ${item}\n- short item about sessions here`), promo);
    expect(chunks.some((c) => c.text.split("\n").includes(item))).toBe(true);
  });

  it("marks which lines of a chunk are list items", () => {
    const body = "## What to Bring\n\nPlease bring:\n\n- a photo ID\n- your insurance card\n1. a list of medicines\n\nArrive ten minutes early. Parking is free.";
    const [chunk] = chunkArticle(article(body), promo);
    expect(chunk!.text.split("\n")).toEqual(["Please bring:", "a photo ID", "your insurance card", "a list of medicines", "Arrive ten minutes early. Parking is free."]);
    expect(chunk!.listLines).toEqual([1, 2, 3]);
    expect(chunkArticle(article("## Prose\n\n" + sentence(1)), promo)[0]!.listLines).toEqual([]);
  });

  it("cuts promotional sentences out into tagged chunks", () => {
    const chunks = chunkArticle(article(`## End\n\n${sentence(1)} Schedule your free consultation today! ${sentence(2)}`), promo);
    const tagged = chunks.filter((c) => c.promotional);
    expect(tagged.map((c) => c.text)).toEqual(["Schedule your free consultation today!"]);
    expect(chunks.filter((c) => !c.promotional).map((c) => c.text).join(" ")).not.toMatch(/Schedule/);
  });

  it("keeps a fact that names the publisher, and cuts out a call to contact it", () => {
    const withVerbs = createPromoMatcher({ ...promoRules([]), imperatives: { book: [], contact: ["call"], leadIns: [] } }, ["Acme Pain Clinic"]);
    const fact = "At Acme Pain Clinic, most sessions last about an hour.";
    const cta = "Call Acme Pain Clinic to get started.";
    const chunks = chunkArticle(article(`## End\n\n${sentence(1)} ${fact} ${cta}`), withVerbs);
    expect(chunks.find((c) => c.text.includes(fact))?.promotional).toBe(false);
    expect(chunks.filter((c) => c.promotional).map((c) => c.text)).toEqual([cta]);
  });
});

describe("collapseNearDuplicates", () => {
  it("drops a chunk that nearly repeats an earlier one", () => {
    const a = chunkArticle(article(`## A\n\n${sentence(1)} ${sentence(2)}`, "a"), promo);
    const b = chunkArticle(article(`## B\n\n${sentence(1)} ${sentence(2)}`, "b"), promo);
    const c = chunkArticle(article(`## C\n\nSomething entirely different about blood pressure monitoring during infusions.`, "c"), promo);
    const { kept, dropped } = collapseNearDuplicates([...a, ...b, ...c]);
    expect(dropped).toBe(1);
    expect(kept.map((k) => k.articleId)).toEqual(["a", "c"]);
  });

  /** The quadratic definition: every chunk against every kept one. */
  function reference(chunks: ReturnType<typeof chunkArticle>, threshold = 0.85) {
    const shingles = (text: string) => {
      const w = wordTokens(text);
      return new Set(w.length < 3 ? [w.join(" ")] : w.slice(0, -2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`));
    };
    const kept: Array<Set<string>> = [];
    const ids: string[] = [];
    for (const c of chunks) {
      const s = shingles(c.text);
      if (kept.some((k) => jaccard(k, s) >= threshold)) continue;
      kept.push(s);
      ids.push(c.id);
    }
    return ids;
  }

  it("keeps exactly what comparing every pair keeps (near-duplicates planted by small edits)", () => {
    const words = ["visit", "knee", "stretch", "nurse", "plan", "week", "pain", "rest", "walk", "ice", "heat", "chair"];
    const text = fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 40 }).map((w) => w.join(" "));
    // Each chunk is either fresh text or an earlier chunk with a few words changed.
    const corpus = fc.array(fc.tuple(text, fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...words)), { maxLength: 3 })), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(corpus, (specs) => {
        const texts: string[] = [];
        for (const [fresh, from, edits] of specs) {
          if (texts.length === 0 || from % 2 === 0) texts.push(fresh);
          else {
            const w = texts[from % texts.length]!.split(" ");
            for (const [at, word] of edits) w[at % w.length] = word;
            texts.push(w.join(" "));
          }
        }
        const chunks = texts.map((t, i) => ({ ...chunkArticle(article(t, `a${i}`), promo)[0]!, id: `a${i}#0` }));
        expect(collapseNearDuplicates(chunks).kept.map((c) => c.id)).toEqual(reference(chunks));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
