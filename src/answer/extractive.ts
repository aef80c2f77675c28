/**
 * The default answerer: picks 1–4 sentences verbatim from retrieved passages.
 * It cannot say anything the corpus does not say, by construction.
 *
 * Sentence choice is a learned decision (selection-model.ts over the signals
 * of sentence-features.ts): for each part of the question, the sentence most
 * likely to answer it is quoted when its probability clears a floor; another
 * sentence joins only when its own probability is high, so a neighbour that
 * merely mentions the topic stays out. A sentence that opens with
 * "This…/It…" brings the sentence it refers to; when two articles give
 * different figures for the same thing, both are shown and cited.
 */
import type { Chunk } from "../types.js";
import type { AnswerType } from "../understand/answer-type.js";
import type { QuestionAnalysis } from "../understand/analyze.js";
import { chunkSentences, type SentenceRef } from "../understand/sentences.js";
import { partCandidates, type Candidate } from "./sentence-features.js";
import { rankingScore, selectionModel, selectionProbability, type SelectionModel } from "./selection-model.js";

export { chunkSentences, type SentenceRef };

export interface ComposeOptions {
  maxSentences: number;
  /** Passages whose sentences are considered. */
  passages: number;
  /** Overrides the committed selection model (training sweeps, tests). */
  model?: SelectionModel;
}

export const DEFAULT_COMPOSE: ComposeOptions = { maxSentences: 4, passages: 10 };

function termOverlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / Math.max(1, Math.min(a.size, b.size));
}

export interface ComposeInput {
  question: string;
  passages: Array<{ chunk: Chunk; score: number }>;
  analysis: QuestionAnalysis;
  expansionTerms: string[];
}

interface Scored extends Candidate {
  score: number;
  /** Calibrated probability that the sentence helps answer its part. */
  p: number;
}

/** Each part's candidate sentences with the model's probability, most likely first. */
export function scoredParts(input: ComposeInput, options: ComposeOptions = DEFAULT_COMPOSE): Array<{ type: AnswerType; candidates: Scored[] }> {
  const model = options.model ?? selectionModel();
  const ctx = { passages: input.passages.slice(0, options.passages), analysis: input.analysis, expansion: new Set(input.expansionTerms) };
  const parts = input.analysis.parts.length > 0 ? input.analysis.parts : [{ text: input.question, type: "other" as AnswerType, terms: input.analysis.terms }];
  return parts.map((part) => {
    // Preamble words help tell passages apart but never make a sentence an answer on their own.
    const own = part.terms.filter((t) => t.role !== "framing");
    const keys = own.length > 0 ? own : input.analysis.terms;
    // A sentence that shares none of the part's topic (not even through its heading) never stands in for its answer.
    const scored = partCandidates({ keys, type: part.type }, ctx)
      .filter((c) => own.length === 0 || c.coverage > 0)
      .map((c) => ({ ...c, score: rankingScore(model, c.features) }));
    const best = Math.max(...scored.map((c) => c.score));
    const candidates = scored
      .map((c) => ({ ...c, p: selectionProbability(model, c.score, best) }))
      .sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
    return { type: part.type, candidates };
  });
}

const sameRef = (a: SentenceRef, b: SentenceRef) => a.chunk.id === b.chunk.id && a.line === b.line && a.index === b.index;

/** Chooses the sentences that answer the question best, in reading order. Empty when nothing fits. */
export function selectSentences(input: ComposeInput, options: ComposeOptions = DEFAULT_COMPOSE): SentenceRef[] {
  const model = options.model ?? selectionModel();
  const ranked = scoredParts(input, { ...options, model });
  const chosen: Scored[] = [];
  const isDuplicate = (c: Candidate) => chosen.some((x) => x.text === c.text || termOverlap(x.terms, c.terms) > 0.8);

  // One best sentence per part first, so a two-part question gets both answered.
  const perPartBudget = Math.max(1, Math.floor(options.maxSentences / ranked.length));
  for (const { type, candidates } of ranked) {
    // A figure asked for ("how long…", "how many…") is the answer: the likeliest sentence stating one comes first.
    const wantsFigure = type === "duration" || type === "count" || type === "frequency" || type === "cost";
    const best = (wantsFigure ? candidates.find((c) => c.typed && c.p >= model.floor) : undefined) ?? candidates[0];
    if (!best || best.p < model.floor) continue;
    if (!isDuplicate(best)) chosen.push(best);
    let added = 1;
    for (const c of candidates) {
      if (c === best) continue;
      if (added >= perPartBudget || chosen.length >= options.maxSentences) break;
      // A likely sentence of another article is more often about a neighbouring topic: it needs more.
      const needed = c.chunk.articleId === best.chunk.articleId ? model.extra : model.extraOtherArticle;
      if (c.p < needed || isDuplicate(c)) continue;
      chosen.push(c);
      added++;
    }
    // Different articles giving different figures for the same thing: show each, cited.
    if (best.typed && (type === "duration" || type === "count" || type === "frequency")) {
      const other = candidates.find(
        (c) => !chosen.some((x) => x.chunk.articleId === c.chunk.articleId) && c.typed && c.p >= model.floor && c.coverage >= best.coverage * 0.8 && !isDuplicate(c),
      );
      if (other) {
        if (chosen.length >= options.maxSentences - 1) chosen.pop();
        chosen.push(other);
      }
    }
  }
  if (chosen.length === 0) return [];

  // A sentence that opens with "These…"/"It…" needs the one before it to make sense.
  const withContext: SentenceRef[] = [];
  for (const c of chosen) {
    if (c.antecedent && !withContext.some((s) => sameRef(s, c.antecedent!))) withContext.push(c.antecedent);
    if (!withContext.some((s) => sameRef(s, c))) withContext.push(c);
  }
  let limited = withContext.slice(0, options.maxSentences);
  // Never end on a "This…" sentence whose antecedent was cut.
  limited = limited.filter((s, i) => {
    const c = chosen.find((x) => sameRef(x, s));
    return !c?.antecedent || limited.slice(0, i).some((x) => sameRef(x, c.antecedent!));
  });

  // Reading order: passages in order of their best sentence, sentences in document order within a passage.
  const chunkOrder: string[] = [];
  for (const s of limited) if (!chunkOrder.includes(s.chunk.id)) chunkOrder.push(s.chunk.id);
  return limited.sort(
    (a, b) => chunkOrder.indexOf(a.chunk.id) - chunkOrder.indexOf(b.chunk.id) || a.line - b.line || a.index - b.index,
  );
}
