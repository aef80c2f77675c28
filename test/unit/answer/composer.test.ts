import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../../src/answer/answerer.js";
import { DEFAULT_COMPOSE, MAX_LIST_SENTENCES } from "../../../src/answer/extractive.js";
import { citeSentences } from "../../../src/answer/reply.js";
import { normalizeWhitespace, splitSentences, stripMarkdown } from "../../../src/answer/text.js";
import { chunkCorpus } from "../../../src/index/corpus.js";
import { approvedArticles, loadArticles } from "../../../src/ingest/load-articles.js";
import { createPromoMatcher, loadPromoPatterns } from "../../../src/ingest/promotional.js";
import { compileLexicon } from "../../../src/retrieve/lexicon.js";
import { createUnderstanding } from "../../../src/understand/index.js";
import { contentTerms } from "../../../src/retrieve/terms.js";
import type { Chunk } from "../../../src/types.js";

const corpusDir = path.resolve("corpus/ketamine-pain");
const promotionalFile = path.resolve("corpus/defaults/promotional.yaml");
let chunks: Chunk[] = [];
let corpusText = "";

beforeAll(async () => {
  const articles = approvedArticles(await loadArticles(path.join(corpusDir, "articles")));
  corpusText = articles.map((a) => normalizeWhitespace(stripMarkdown(a.body))).join("\n");
  chunks = chunkCorpus(articles, await loadPromoPatterns(promotionalFile)).kept.filter((c) => !c.promotional);
});

function answerFor(question: string, passages: Chunk[]) {
  const analysis = createUnderstanding(chunks, compileLexicon({ entries: [] })).analyze(question);
  return new ExtractiveAnswerer().answerSync({
    question,
    passages: passages.map((chunk, i) => ({ chunk, score: 1 - i / passages.length, bm25: 0, dense: 0 })),
    analysis,
    expansionTerms: [],
  });
}

describe("extractive composer", () => {
  it("never emits text that is not in the corpus (property)", () => {
    const vocabulary = ["session", "long", "side", "effects", "nausea", "hour", "sessions", "how", "many", "ketamine", "pain", "relief", "last", "safe", "home", "iv", "cost", "zebra", "weeks", "depression"];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 6 }),
        (words, picks) => {
          const passages = picks.map((p) => chunks[p % chunks.length]!);
          const out = answerFor(`${words.join(" ")}?`, passages);
          if (!out) return;
          const sentences = out.cited.text.split(/\s*\[\d+\]\s*/).filter(Boolean);
          expect(sentences.length).toBeGreaterThan(0);
          // Up to four sentences, or one list (its lead-in and items) and one best sentence per other part.
          expect(sentences.length).toBeLessThanOrEqual(DEFAULT_COMPOSE.maxSentences + MAX_LIST_SENTENCES);
          for (const s of sentences) expect(corpusText).toContain(normalizeWhitespace(s));
          for (const c of out.cited.citations) expect(corpusText).toContain(c.quote);
          // Every marker has a citation.
          for (const m of out.cited.text.matchAll(/\[(\d+)\]/g)) expect(out.cited.citations.some((c) => c.n === Number(m[1]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("shows both figures when two articles disagree on session length", () => {
    const question = "How long does a ketamine session last?";
    const relevant = chunks.filter((c) => /lasts about an hour|last between 1 to 2 hours/.test(c.text));
    expect(relevant.length).toBeGreaterThanOrEqual(2);
    const out = answerFor(question, relevant);
    expect(out?.cited.text).toMatch(/about an hour/);
    expect(out?.cited.text).toMatch(/1 to 2 hours/);
    expect(new Set(out?.cited.citations.map((c) => c.articleId)).size).toBeGreaterThanOrEqual(2);
  });

  it("returns nothing when no passage shares the question's key terms", () => {
    const passages = chunks.filter((c) => /nausea/i.test(c.text)).slice(0, 2);
    expect(answerFor("What is the parking situation downtown?", passages)).toBeNull();
  });

  it("has no promotional sentence left in any content chunk", async () => {
    const articles = approvedArticles(await loadArticles(path.join(corpusDir, "articles")));
    const matcher = createPromoMatcher(await loadPromoPatterns(promotionalFile), articles.map((a) => a.publisher));
    const leaked = chunks.flatMap((c) => splitSentences(c.text)).filter((s) => matcher.isPromotional(s));
    expect(leaked).toEqual([]);
    // And the corpus does contain CTAs, so the check is not vacuous.
    expect(articles.some((a) => splitSentences(stripMarkdown(a.body)).some((s) => matcher.isPromotional(s)))).toBe(true);
  });
});

describe("citeSentences", () => {
  it("groups adjacent sentences of one passage into one contiguous quote", () => {
    const chunk: Chunk = { id: "a#0", articleId: "a", title: "A", url: null, section: null, sectionPath: [], text: "One two three four five. Six seven eight nine ten.\nEleven twelve thirteen fourteen fifteen.", listLines: [], promotional: false, ordinal: 0 };
    const cited = citeSentences([
      { text: "One two three four five.", chunk, line: 0, index: 0 },
      { text: "Six seven eight nine ten.", chunk, line: 0, index: 1 },
      { text: "Eleven twelve thirteen fourteen fifteen.", chunk, line: 1, index: 0 },
    ]);
    expect(cited.text).toBe("One two three four five. [1] Six seven eight nine ten. [1] Eleven twelve thirteen fourteen fifteen. [2]");
    expect(cited.citations.map((c) => c.quote)).toEqual(["One two three four five. Six seven eight nine ten.", "Eleven twelve thirteen fourteen fifteen."]);
  });
});
