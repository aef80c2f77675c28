/**
 * What the clinic's articles are about, learned from the articles at index
 * time instead of a hand-written word list: the corpus's key terms, i.e. the
 * content stems the articles use far more often than general English does
 * (keyness against a reference frequency list). "Arthritis" and "ACL" are key
 * terms of a physical-therapy corpus; "game", "night" or "good" are not, even
 * when an article uses them. The router uses it to tell "does cold weather
 * make arthritis worse?" (on-topic, despite "weather") from a trivia request.
 * Pure: the reference counts are read by the index builder (src/index/reference.ts).
 */
import { z } from "zod";
import { contentTerms, DOMAIN_COMMON, termWeight } from "../retrieve/terms.js";

/** Stored with the index (topic.json) and in the edge index. */
export const TopicDataSchema = z
  .object({
    /** Where the general-English counts came from. */
    reference: z.string().min(1),
    /** Sum of all reference counts. */
    referenceTotal: z.number().positive(),
    /** Content-term tokens in the corpus. */
    corpusTotal: z.number().int().nonnegative(),
    /** stem → [count in the corpus, count in the reference]. */
    terms: z.record(z.string(), z.tuple([z.number().int().positive(), z.number().nonnegative()])),
  })
  .strict();
export type TopicData = z.infer<typeof TopicDataSchema>;

export interface ReferenceCounts {
  name: string;
  /** stem → count in a general-English corpus. */
  counts: ReadonlyMap<string, number>;
  total: number;
}

export interface Topic {
  /** Stems that make a message about the clinic's subject. */
  keyTerms: ReadonlySet<string>;
}

/** A topic that nothing is about (no corpus). */
export const EMPTY_TOPIC: Topic = { keyTerms: new Set() };

/**
 * How many times more often (per token) the corpus must use a stem than general
 * English. Measured on three clinics' corpora: topic words score 10–60 ("knee" 55,
 * "arthritis" 21, "athlete" 33), everyday words an article happens to use score
 * below 3 ("night" 0.7, "good" 0.8, "last" 2.7).
 */
export const MIN_KEYNESS = 8;

/**
 * Stems that frame a question in every clinic rather than name its subject:
 * time and counting ("at week 8", "last night", "long-term"), beside the
 * analyzer's own light verbs (`termWeight` < 1).
 */
const FRAMING = new Set([
  "second", "minut", "hour", "dai", "night", "week", "weekend", "month", "year", "time", "term", "todai", "tomorrow", "tonight", "yesterdai",
  "last", "next", "past", "ago", "number",
]);

/** Counts the content stems of the corpus texts (title, headings and text of each indexed chunk). */
export function deriveTopic(texts: readonly string[], reference: ReferenceCounts): TopicData {
  const counts = new Map<string, number>();
  let corpusTotal = 0;
  for (const text of texts) {
    for (const term of contentTerms(text)) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      corpusTotal++;
    }
  }
  const terms: TopicData["terms"] = {};
  for (const [term, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) terms[term] = [count, reference.counts.get(term) ?? 0];
  return { reference: reference.name, referenceTotal: reference.total, corpusTotal, terms };
}

/** Relative frequency in the corpus over relative frequency in the reference (add-one smoothed). */
export function keyness(corpusCount: number, referenceCount: number, data: Pick<TopicData, "corpusTotal" | "referenceTotal">): number {
  if (data.corpusTotal === 0) return 0;
  return corpusCount / data.corpusTotal / ((referenceCount + 1) / data.referenceTotal);
}

// The analyzer's domain-wide words ("treatment") are down-weighted for answerability, yet are topic words.
const isCandidate = (term: string) => term.length >= 3 && !/\d/.test(term) && (termWeight(term) === 1 || DOMAIN_COMMON.has(term)) && !FRAMING.has(term);

export function compileTopic(data: TopicData, minKeyness = MIN_KEYNESS): Topic {
  const keyTerms = new Set<string>();
  for (const [term, [count, ref]] of Object.entries(data.terms)) {
    if (isCandidate(term) && keyness(count, ref, data) >= minKeyness) keyTerms.add(term);
  }
  return { keyTerms };
}

/** The clinic's key terms a text uses. */
export function topicTermsIn(text: string, topic: Topic): string[] {
  return [...new Set(contentTerms(text).filter((t) => topic.keyTerms.has(t)))];
}
