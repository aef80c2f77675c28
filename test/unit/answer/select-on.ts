/** Sentence choice on small made-up articles: every chunk offered as a passage, best first in the order given. */
import { selectSentences } from "../../../src/answer/extractive.js";
import { chunkArticle } from "../../../src/ingest/chunk.js";
import { createPromoMatcher } from "../../../src/ingest/promotional.js";
import { analyzeQuestion } from "../../../src/understand/analyze.js";
import { buildCorpusStats } from "../../../src/understand/corpus-stats.js";
import type { Article } from "../../../src/types.js";

/** A question → the texts of the sentences chosen; passage scores fall by `step` per chunk. */
export function selectorOn(articles: Article[], step: number): (question: string) => string[] {
  const chunks = articles.flatMap((a) => chunkArticle(a, createPromoMatcher([], [])));
  const stats = buildCorpusStats(chunks);
  return (question) => {
    const analysis = analyzeQuestion(question, { stats, expansions: [] });
    const passages = chunks.map((chunk, i) => ({ chunk, score: 1 - i * step }));
    return selectSentences({ question, passages, analysis, expansionTerms: [] }).map((s) => s.text);
  };
}
