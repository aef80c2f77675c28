/**
 * Answerability from evidence: the signals that say whether the top passages
 * answer the question, and the learned decision over them.
 *
 * Signals (all computed the same way at training and at serving time):
 * - coverage of the question's weighted topic terms by the best passage and by
 *   the union of the top passages, per question part (two-part questions are
 *   often answered by two chunks);
 * - the share of the question's weight in nouns the corpus never uses, and the
 *   best passage's coverage discounted by it;
 * - whether a top passage carries the kind of answer asked for (a duration for
 *   "how long", a figure for "how many");
 * - heading/title coverage, BM25 strength and margin.
 * The decision is a logistic regression trained by `npm run train:answers`
 * (src/retrieve/answerability-model.ts).
 */
import { chunkSentences, sentenceTerms } from "../understand/sentences.js";
import { carriesAnswerType } from "../understand/answer-type.js";
import type { QuestionAnalysis, TopicTerm } from "../understand/analyze.js";
import { headingTerms, passageTerms } from "../understand/corpus-stats.js";
import { contentTerms } from "./terms.js";
import type { Chunk } from "../types.js";
import { answerabilityModel, type AnswerabilityModel } from "./answerability-model.js";
import { FEATURE_NAMES_LIST } from "./feature-names.js";

/** A lexicon or vocabulary translation is good evidence, but the patient's own word is better. */
export const TRANSLATED_MATCH = 0.8;

/** How much of term `t` is present in `terms`: 1 for itself, TRANSLATED_MATCH for a whole translated phrase. */
export function termPresence(t: TopicTerm, terms: ReadonlySet<string>): number {
  if (terms.has(t.stem)) return 1;
  for (const phrase of t.alternatives) if (phrase.length > 0 && phrase.every((s) => terms.has(s))) return TRANSLATED_MATCH;
  return 0;
}

/** Weighted share of `keys` present in `terms` (1 when there is nothing to match). */
export function coverageOf(keys: readonly TopicTerm[], terms: ReadonlySet<string>): number {
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (total === 0) return 1;
  let hit = 0;
  for (const k of keys) hit += k.weight * termPresence(k, terms);
  return hit / total;
}

export interface EvidencePassage {
  chunk: Chunk;
  bm25: number;
}

export const FEATURE_NAMES = FEATURE_NAMES_LIST;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

/** Passages whose union is judged together (a two-part answer can span chunks). */
export const UNION_PASSAGES = 3;
/** Passages looked at for the best single-passage coverage. */
export const BEST_PASSAGES = 5;

function union(sets: readonly ReadonlySet<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const t of s) out.add(t);
  return out;
}

/** The answerability signals for one question over its ranked passages. */
export function answerabilityFeatures(analysis: QuestionAnalysis, passages: readonly EvidencePassage[]): Features {
  const top = passages.slice(0, BEST_PASSAGES);
  const termSets = top.map((p) => passageTerms(p.chunk));
  const topicKeys = analysis.terms.filter((t) => t.role !== "framing");
  const unionSet = union(termSets.slice(0, UNION_PASSAGES));
  const coverBest = Math.max(0, ...termSets.map((s) => coverageOf(analysis.terms, s)));
  const coverUnion = coverageOf(analysis.terms, unionSet);
  const partMin = Math.min(
    ...analysis.parts.map((part) => {
      const keys = part.terms.filter((t) => t.role !== "framing");
      return keys.length === 0 ? 0 : coverageOf(keys, unionSet);
    }),
  );
  const total = analysis.terms.reduce((s, t) => s + t.weight, 0) || 1;
  const offCorpus = analysis.terms.filter((t) => t.offCorpus).reduce((s, t) => s + t.weight, 0) / total;
  // A passage covering all of a question the articles' words can say is strong evidence whatever
  // the question's length; a linear model over coverage and off-corpus share apart cannot say so
  // (a fully covered two-word question was refused for its low BM25).
  const onCorpusCover = coverBest * (1 - offCorpus);
  const type = analysis.parts[0]?.type ?? "other";
  const typeAsked = carriesAnswerType(type, "") === null ? 0 : 1;
  let typeFound = 0;
  if (typeAsked) {
    outer: for (const p of top.slice(0, UNION_PASSAGES)) {
      for (const s of chunkSentences(p.chunk)) {
        if (carriesAnswerType(type, s.text) && coverageOf(topicKeys, new Set([...sentenceTerms(s), ...headingTerms(p.chunk)])) > 0) {
          typeFound = 1;
          break outer;
        }
      }
    }
  }
  const heading = Math.max(0, ...top.map((p) => coverageOf(analysis.terms, headingTerms(p.chunk))));
  // "weight limit": both words in the passages, but never together, is not evidence of an answer.
  let compounds = 1;
  if (analysis.compounds.length > 0) {
    const sentenceSets = top.slice(0, UNION_PASSAGES).flatMap((p) => [headingTerms(p.chunk), ...chunkSentences(p.chunk).map(sentenceTerms)]);
    compounds = analysis.compounds.filter(([a, b]) => sentenceSets.some((set) => set.has(a) && set.has(b))).length / analysis.compounds.length;
  }
  const b1 = top[0]?.bm25 ?? 0;
  const b2 = top[1]?.bm25 ?? 0;
  return {
    coverBest,
    coverUnion,
    partMin,
    offCorpus,
    onCorpusCover,
    typeAsked,
    typeFound,
    heading,
    bm25: Math.log1p(b1),
    margin: b1 > 0 ? (b1 - b2) / b1 : 0,
    topicTerms: Math.log1p(topicKeys.length),
    compounds,
  };
}

export interface Answerability {
  covered: boolean;
  /** The model's probability that the top passages answer the question. */
  coverage: number;
  reason: string;
}

export function probability(model: AnswerabilityModel, features: Features): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) {
    const { mean, std } = model.scale[name];
    z += model.weights[name] * ((features[name] - mean) / (std || 1));
  }
  return 1 / (1 + Math.exp(-z));
}

export function assessAnswerability(
  analysis: QuestionAnalysis,
  passages: readonly EvidencePassage[],
  model: AnswerabilityModel = answerabilityModel(),
): Answerability & { features: Features } {
  if (passages.length === 0) return { covered: false, coverage: 0, reason: "no passage retrieved", features: answerabilityFeatures(analysis, []) };
  const features = answerabilityFeatures(analysis, passages);
  if (!analysis.terms.some((t) => t.role !== "framing")) {
    return { covered: false, coverage: 0, reason: "the question has no content words to match", features };
  }
  const p = probability(model, features);
  const covered = p >= model.threshold;
  return {
    covered,
    coverage: Number(p.toFixed(3)),
    reason: covered ? "the top passages cover the question" : features.offCorpus > 0.3 ? "the question is about something the articles never mention" : "no passage covers the question's key terms",
    features,
  };
}
