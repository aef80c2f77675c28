/**
 * Answerability from evidence, not from a similarity threshold: how much of
 * the question's content (weighted by rarity) the best passages actually
 * contain. On-topic questions the articles never address ("how much does it
 * cost?") score high on similarity but low here, because "cost" is nowhere.
 */
import type { Chunk } from "../types.js";
import type { Expansion } from "./lexicon.js";
import { contentTerms, DOMAIN_COMMON, termWeight } from "./terms.js";

export interface TermStats {
  idf(term: string): number;
  /** Whether any indexed passage contains the term. */
  known(term: string): boolean;
}

export function buildTermStats(chunks: Chunk[]): TermStats {
  const df = new Map<string, number>();
  for (const chunk of chunks) {
    for (const term of new Set(contentTerms([...chunk.sectionPath, chunk.text].join(" ")))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = Math.max(1, chunks.length);
  // Terms the corpus never uses get the highest weight: they are what the question is about
  // and nothing can answer them.
  const unseen = Math.log(1 + n / 2);
  return {
    idf: (term) => {
      const d = df.get(term);
      return d ? Math.log(1 + n / d) : unseen;
    },
    known: (term) => df.has(term),
  };
}

export interface KeyTerm {
  term: string;
  weight: number;
  /** Terms that count as this one being present (itself plus lexicon expansions it triggered). */
  alternatives: string[];
  /** A content word, or a framing word the lexicon translated: what the question is about. */
  anchor: boolean;
}

/** The question's content terms with weights; lexicon expansions stand in for the lay words that triggered them. */
export function keyTerms(queryTerms: string[], expansions: Expansion[], stats: TermStats): KeyTerm[] {
  const out: KeyTerm[] = [];
  for (const term of new Set(queryTerms)) {
    if (DOMAIN_COMMON.has(term)) continue;
    const alternatives = new Set([term]);
    for (const e of expansions) if (e.triggers.includes(term)) for (const t of e.terms) alternatives.add(t);
    // A lay word the corpus never uses but the lexicon translates is as strong as its best translation.
    const translations = [...alternatives].filter((t) => t !== term && stats.known(t)).map((t) => stats.idf(t));
    const idf = stats.known(term) || translations.length === 0 ? stats.idf(term) : Math.max(...translations);
    // Framing words weigh the same whether or not the corpus uses them: their rarity says nothing about the topic.
    const weight = termWeight(term) === 1 ? idf : termWeight(term);
    out.push({ term, weight, alternatives: [...alternatives], anchor: termWeight(term) === 1 || alternatives.size > 1 });
  }
  return out;
}

/** A lexicon translation is good evidence, but the patient's own word is better. */
const TRANSLATED_MATCH = 0.8;

/** Weighted share of key terms present in `terms` (1 when the question has no key terms). */
export function coverageOf(keys: KeyTerm[], terms: Set<string>): number {
  const total = keys.reduce((s, k) => s + k.weight, 0);
  if (total === 0) return 1;
  let hit = 0;
  for (const k of keys) {
    if (terms.has(k.term)) hit += k.weight;
    else if (k.alternatives.some((a) => terms.has(a))) hit += k.weight * TRANSLATED_MATCH;
  }
  return hit / total;
}

export interface Answerability {
  covered: boolean;
  coverage: number;
  reason: string;
}

export interface AnswerabilityOptions {
  /** Minimum weighted coverage of the question by the best passage. */
  minCoverage: number;
}

/** 0.6: with the weighting above, every "not covered" eval case stays below it (README, "Eval numbers"). */
export const DEFAULT_ANSWERABILITY: AnswerabilityOptions = { minCoverage: 0.6 };

export function assessAnswerability(keys: KeyTerm[], passages: Chunk[], options: AnswerabilityOptions = DEFAULT_ANSWERABILITY): Answerability {
  if (passages.length === 0) return { covered: false, coverage: 0, reason: "no passage retrieved" };
  // A question made only of framing words ("what even is…", "what do you check before…")
  // has nothing evidence could match: word overlap on "even" is not an answer.
  const anchors = keys.filter((k) => k.anchor);
  if (keys.length > 0 && anchors.length === 0) return { covered: false, coverage: 0, reason: "the question has no content words to match" };
  let best = 0;
  for (const p of passages) {
    const terms = new Set(contentTerms([...p.sectionPath, p.text].join(" ")));
    if (anchors.length > 0 && !anchors.some((k) => k.alternatives.some((a) => terms.has(a)))) continue;
    best = Math.max(best, coverageOf(keys, terms));
  }
  const covered = best >= options.minCoverage;
  return {
    covered,
    coverage: Number(best.toFixed(3)),
    reason: covered ? "best passage covers the question" : "no passage covers the question's key terms",
  };
}
