/**
 * The signals that say whether one sentence of a retrieved passage answers
 * one part of a question. Lexical only (term coverage, answer type, position
 * in the ranking and in the passage): the same numbers on Node and on the
 * Cloudflare Worker, which has no local sentence encoder. Computed the same
 * way when the selection model is trained (scripts/sentence-training.ts) and
 * when it is used (extractive.ts).
 */
import type { Chunk } from "../types.js";
import { coverageOf, termPresence } from "../retrieve/evidence.js";
import { carriesAnswerType, type AnswerType } from "../understand/answer-type.js";
import type { QuestionAnalysis, TopicTerm } from "../understand/analyze.js";
import { chunkSentences, sentenceTerms, type SentenceRef } from "../understand/sentences.js";
import { headingTerms } from "../understand/corpus-stats.js";
import { countWords } from "./text.js";

/** The selection signals, in the order the model stores them. */
export const SELECTION_FEATURES = [
  "heuristic",
  "own",
  "withContext",
  "withHeading",
  "coverage",
  "coverageRetrieval",
  "typedCoverage",
  "section",
  "faqHeading",
  "strongest",
  "focus",
  "gap",
  "typeAsked",
  "typed",
  "expansion",
  "compounds",
  "rank",
  "retrieval",
  "first",
  "length",
  "anaphora",
  "orphan",
  "multiPart",
] as const;
export type SelectionFeature = (typeof SELECTION_FEATURES)[number];
export type SelectionFeatures = Record<SelectionFeature, number>;

export interface Candidate extends SentenceRef {
  features: SelectionFeatures;
  /** Coverage of the part's topic by the sentence (with its antecedent and, partly, its heading). */
  coverage: number;
  /** Content stems of the sentence and its antecedent (for near-duplicate checks). */
  terms: Set<string>;
  passageRank: number;
  /** Carries the kind of answer asked for (a duration for "how long…"). */
  typed: boolean;
  /** The sentence it refers back to, when it opens with "This…/It…". */
  antecedent: SentenceRef | null;
}

// "Individuals with these conditions…": a demonstrative early on points at the previous sentence.
const REFERS_BACK = /^(?:\S+\s+){0,3}(these|those|such)\b/i;
const ANAPHORA = /^(these|this|it|its|they|their|such|that|those|however|moreover|furthermore|additionally|also|both|then)\b/i;

/** Long enough to say something, and not itself a question. */
export function usable(sentence: string): boolean {
  return countWords(sentence) >= 5 && !/\?["”’)]*$/.test(sentence);
}

function previousSentence(ref: SentenceRef): SentenceRef | null {
  const all = chunkSentences(ref.chunk);
  const i = all.findIndex((s) => s.line === ref.line && s.index === ref.index);
  const prev = i > 0 ? all[i - 1]! : null;
  return prev && usable(prev.text) ? prev : null;
}

export interface PartInput {
  /** The part's topic terms (framing words left out). */
  keys: readonly TopicTerm[];
  type: AnswerType;
}

export interface SelectionContext {
  passages: ReadonlyArray<{ chunk: Chunk; score: number }>;
  analysis: QuestionAnalysis;
  expansion: ReadonlySet<string>;
}

/** Every stem that counts as one of the part's terms being present (the term or a translation's words). */
function questionStems(keys: readonly TopicTerm[]): Set<string> {
  const out = new Set<string>();
  for (const k of keys) {
    out.add(k.stem);
    for (const p of k.alternatives) for (const s of p) out.add(s);
  }
  return out;
}

/** Every usable sentence of the passages with its signals for one part, best coverage first. */
export function partCandidates(part: PartInput, ctx: SelectionContext): Candidate[] {
  const keys = part.keys;
  const stems = questionStems(keys);
  const strongest = [...keys].filter((t) => t.role === "topic").sort((a, b) => b.weight - a.weight)[0] ?? null;
  const typeAsked = carriesAnswerType(part.type, "") !== null;
  const compounds = ctx.analysis.compounds.filter(([a, b]) => stems.has(a) || stems.has(b));
  const multiPart = ctx.analysis.parts.length > 1 ? 1 : 0;
  const out: Candidate[] = [];
  ctx.passages.forEach((p, passageRank) => {
    const sectionTerms = headingTerms(p.chunk);
    const faqHeading = p.chunk.section?.trim().endsWith("?") ? 1 : 0;
    const headingWeight = faqHeading ? 1 : 0.5;
    const section = coverageOf(keys, sectionTerms);
    chunkSentences(p.chunk).forEach((ref, position) => {
      if (!usable(ref.text)) return;
      const refers = ANAPHORA.test(ref.text) || REFERS_BACK.test(ref.text);
      const antecedent = refers ? previousSentence(ref) : null;
      const ownTerms = sentenceTerms(ref);
      const terms = antecedent ? new Set([...ownTerms, ...sentenceTerms(antecedent)]) : new Set(ownTerms);
      const own = coverageOf(keys, ownTerms);
      const withContext = coverageOf(keys, terms);
      const withHeading = coverageOf(keys, new Set([...terms, ...sectionTerms]));
      // A heading is part of what its sentences mean, at half weight — fully when it is the question its section answers.
      const coverage = withContext + headingWeight * (withHeading - withContext);
      const typed = carriesAnswerType(part.type, ref.text) === true;
      let inQuestion = 0;
      for (const t of ownTerms) if (stems.has(t)) inQuestion++;
      const expansionHits = [...ctx.expansion].filter((t) => terms.has(t)).length;
      const compoundHits = compounds.filter(([a, b]) => terms.has(a) && terms.has(b)).length;
      const words = countWords(ref.text);
      // The hand-weighted score sentence choice used before it was learned: coverage, heading, expansion and
      // answer-type bonus, scaled by retrieval strength. A strong prior the model can lean on or correct.
      const typeBonus = coverage > 0 ? (typed ? 0.3 : typeAsked ? -0.1 : 0) : 0;
      const relevance = coverage + 0.25 * section * (coverage > 0 ? 1 : 0.3) + 0.05 * Math.min(expansionHits, 2) + typeBonus - (refers && !antecedent ? 0.25 : 0);
      const heuristic = relevance * (0.6 + 0.4 * p.score) - (words > 45 ? 0.1 : words < 8 ? 0.05 : 0);
      const features: SelectionFeatures = {
        heuristic,
        own,
        withContext,
        withHeading,
        coverage,
        // Interactions a linear model cannot form itself: a covering sentence of a strong passage, a covering sentence with the asked-for figure.
        coverageRetrieval: coverage * p.score,
        typedCoverage: typed ? coverage : 0,
        section,
        faqHeading,
        strongest: strongest ? termPresence(strongest, terms) : 0,
        // How much of the sentence is about the question, not only how much of the question is in it.
        focus: ownTerms.size > 0 ? inQuestion / ownTerms.size : 0,
        gap: 0,
        typeAsked: typeAsked ? 1 : 0,
        typed: typed ? 1 : 0,
        expansion: Math.min(expansionHits, 2) / 2,
        compounds: compounds.length > 0 ? compoundHits / compounds.length : 0,
        rank: Math.log1p(passageRank),
        retrieval: p.score,
        first: position === 0 ? 1 : 0,
        length: Math.log(words),
        anaphora: refers ? 1 : 0,
        // A "This…" sentence with nothing before it to resolve the reference reads as a fragment.
        orphan: refers && !antecedent ? 1 : 0,
        multiPart,
      };
      out.push({ ...ref, features, coverage, terms, passageRank, typed, antecedent });
    });
  });
  // How far behind the part's best-covering sentence: the answer is usually the best one.
  const best = Math.max(0, ...out.map((c) => c.coverage));
  for (const c of out) c.features.gap = best - c.coverage;
  return out.sort((a, b) => b.coverage - a.coverage || a.passageRank - b.passageRank);
}
