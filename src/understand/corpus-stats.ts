/**
 * What the clinic's own articles say about words, computed from the corpus
 * (never from a hand list of topic words): how rare a term is across passages,
 * which terms are domain-wide (in most articles), and which words the articles
 * use at all. Built once when the index is loaded.
 */
import { contentTerms } from "../retrieve/terms.js";
import type { Chunk } from "../types.js";

export interface CorpusStats {
  /** Passages the statistics were computed over. */
  passages: number;
  articles: number;
  /** Rarity across passages; terms the corpus never uses get the weight of a term found once. */
  idf(term: string): number;
  /** Whether any passage (text, headings or title) uses the term. */
  known(term: string): boolean;
  /** In most articles: says little about which passage answers a question. */
  domainCommon(term: string): boolean;
  /** Every term the corpus uses (for vocabulary bridging). */
  vocabulary: ReadonlySet<string>;
}

/** A term in at least this share of articles is domain-wide (with at least three articles to tell). */
export const DOMAIN_COMMON_SHARE = 0.5;

const passageCache = new WeakMap<Chunk, Set<string>>();
const headingCache = new WeakMap<Chunk, Set<string>>();

/** Passage text as evidence: the article title and headings say what the passage is about (memoized: chunks are immutable). */
export function passageTerms(chunk: Chunk): ReadonlySet<string> {
  let terms = passageCache.get(chunk);
  if (!terms) passageCache.set(chunk, (terms = new Set(contentTerms([chunk.title, ...chunk.sectionPath, chunk.text].join(" ")))));
  return terms;
}

/** The article title and section headings of a passage, as stems (memoized). */
export function headingTerms(chunk: Chunk): ReadonlySet<string> {
  let terms = headingCache.get(chunk);
  if (!terms) headingCache.set(chunk, (terms = new Set(contentTerms([chunk.title, ...chunk.sectionPath].join(" ")))));
  return terms;
}

export function buildCorpusStats(chunks: readonly Chunk[]): CorpusStats {
  const df = new Map<string, number>();
  const articleSets = new Map<string, Set<string>>();
  for (const chunk of chunks) {
    const terms = passageTerms(chunk);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    const a = articleSets.get(chunk.articleId) ?? new Set<string>();
    for (const t of terms) a.add(t);
    articleSets.set(chunk.articleId, a);
  }
  const adf = new Map<string, number>();
  for (const set of articleSets.values()) for (const t of set) adf.set(t, (adf.get(t) ?? 0) + 1);
  const n = Math.max(1, chunks.length);
  const articles = articleSets.size;
  const rare = Math.log(1 + n);
  return {
    passages: chunks.length,
    articles,
    idf: (term) => {
      const d = df.get(term);
      return d ? Math.log(1 + n / d) : rare;
    },
    known: (term) => df.has(term),
    domainCommon: (term) => articles >= 3 && (adf.get(term) ?? 0) >= DOMAIN_COMMON_SHARE * articles,
    vocabulary: new Set(df.keys()),
  };
}
