/**
 * The verifier on the real corpus: sentences quoted from a passage always
 * verify against it; the same sentences with a changed figure or a dropped
 * negation never do. Guards against rules that only fit hand-made fixtures.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkSentences } from "../../../src/answer/extractive.js";
import { verifySentence } from "../../../src/answer/verify.js";
import { chunkCorpus } from "../../../src/index/corpus.js";
import { approvedArticles, loadArticles } from "../../../src/ingest/load-articles.js";
import { loadPromoPatterns } from "../../../src/ingest/promotional.js";
import type { Chunk } from "../../../src/types.js";

let chunks: Chunk[] = [];
beforeAll(async () => {
  const corpusDir = path.resolve("corpus/ketamine-pain");
  const articles = approvedArticles(await loadArticles(path.join(corpusDir, "articles")));
  chunks = chunkCorpus(articles, await loadPromoPatterns(path.resolve("corpus/defaults/promotional.yaml"))).kept.filter((c) => !c.promotional);
});

const sentences = () => chunks.flatMap((chunk) => chunkSentences(chunk).filter((s) => s.text.split(" ").length >= 5).map((s) => ({ text: s.text, chunk })));

describe("verifySentence on the corpus", () => {
  it("accepts every sentence quoted from the cited passage", () => {
    const all = sentences();
    expect(all.length).toBeGreaterThan(50);
    const rejected = all.filter((s) => !verifySentence(s.text, [s.chunk.text]).ok).map((s) => s.text);
    expect(rejected).toEqual([]);
  });

  it("rejects every quoted sentence whose figure was changed", () => {
    const changed = sentences()
      .filter((s) => /\b\d+\b/.test(s.text))
      .map((s) => ({ text: s.text.replace(/\b(\d+)\b/, (m) => String(Number(m) + 7)), chunk: s.chunk }));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((s) => verifySentence(s.text, [s.chunk.text]).ok).map((s) => s.text)).toEqual([]);
  });

  it("rejects every quoted sentence whose negation was dropped", () => {
    const flipped = sentences()
      .filter((s) => /\b(?:not|never)\b/i.test(s.text))
      .map((s) => ({ text: s.text.replace(/\s+\b(?:not|never)\b/i, ""), chunk: s.chunk }));
    expect(flipped.length).toBeGreaterThan(0);
    expect(flipped.filter((s) => verifySentence(s.text, [s.chunk.text]).ok).map((s) => s.text)).toEqual([]);
  });

  it("rejects a quoted sentence checked against a passage of another article", () => {
    const all = sentences();
    const mismatched = all.map((s, i) => ({ text: s.text, other: all.find((o, j) => j > i && o.chunk.articleId !== s.chunk.articleId) ?? all.find((o) => o.chunk.articleId !== s.chunk.articleId) }));
    const accepted = mismatched.filter((m) => m.other && verifySentence(m.text, [m.other.chunk.text]).ok);
    expect(accepted.length / mismatched.length).toBeLessThan(0.02);
  });
});
