/**
 * Question understanding as the pipeline uses it: one analyzer per corpus,
 * built once, shared by retrieval (term boosts), answerability and sentence
 * choice, on Node, on Workers and in `npm run train:answers`.
 */
import type { Lexicon } from "../retrieve/lexicon.js";
import { matchLexicon } from "../retrieve/lexicon.js";
import type { Chunk } from "../types.js";
import { analyzeQuestion, retrievalBoosts, type QuestionAnalysis } from "./analyze.js";
import { buildCorpusStats, type CorpusStats } from "./corpus-stats.js";

export interface Understanding {
  stats: CorpusStats;
  analyze(question: string): QuestionAnalysis;
  boosts(question: string): ReadonlyMap<string, number>;
}

export function createUnderstanding(chunks: readonly Chunk[], lexicon: Lexicon, bridge?: (word: string, pos: string) => string[][]): Understanding {
  const stats = buildCorpusStats(chunks.filter((c) => !c.promotional));
  // Retrieval and answerability analyze the same question back to back: keep the last one.
  let last: { question: string; analysis: QuestionAnalysis } | null = null;
  const analyze = (question: string): QuestionAnalysis => {
    if (last?.question === question) return last.analysis;
    const analysis = analyzeQuestion(question, { stats, expansions: matchLexicon(question, lexicon), ...(bridge ? { bridge } : {}) });
    last = { question, analysis };
    return analysis;
  };
  return { stats, analyze, boosts: (question) => retrievalBoosts(analyze(question), stats) };
}

export type { QuestionAnalysis, QuestionPart, TopicTerm } from "./analyze.js";
export type { AnswerType } from "./answer-type.js";
