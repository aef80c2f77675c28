/**
 * What the clinic's own articles say about words, computed from the corpus
 * (never from a hand list of topic words): how rare a term is across passages,
 * which terms are domain-wide (in most articles), which words the articles
 * use at all, and which word pairs they use as one term. Built once when the
 * index is loaded.
 */
import { casedWordTokens } from "../answer/text.js";
import { contentTerms, processTerm } from "../retrieve/terms.js";
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
  /**
   * How the articles use stem `a` directly before stem `b`, or null when they do not write the pair
   * often enough for it to name one thing ("back pain", "dry needling", "rotator cuff"): the clinic's
   * own multi-word terms, whatever a tagger makes of their words in a terse question.
   */
  collocation(a: string, b: string): Collocation | null;
}

/** How the articles use a collocation. */
export interface Collocation {
  /** A title or heading names it: what an article or section is about. */
  inHeading: boolean;
  /** In most articles (the clinic's own subject, "physical therapy"): says little about which passage answers. */
  domainWide: boolean;
}

/** Times a pair must occur (titles once per article, headings once per section) to be a collocation… */
export const COLLOCATION_MIN_COUNT = 2;
/** …and the share of its rarer word's occurrences it must account for. */
export const COLLOCATION_MIN_SHARE = 0.2;

/** Adjacent content-word stem pairs of a text, never across punctuation. */
export function adjacentStemPairs(text: string): Array<[string, string]> {
  return nearStemPairs(text, 1);
}

/** Content-word stem pairs at most `window` words apart, in order, never across punctuation. */
export function nearStemPairs(text: string, window: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const span of text.split(/[.,;:!?()\[\]"“”\n*_|/]+|\s[-–—]\s/)) {
    const stems = casedWordTokens(span).map((w) => processTerm(w));
    for (let i = 0; i < stems.length; i++) {
      const a = stems[i];
      if (!a) continue;
      for (let j = i + 1; j <= i + window && j < stems.length; j++) {
        const b = stems[j];
        if (b && a !== b) out.push([a, b]);
      }
    }
  }
  return out;
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
  const collocations = countCollocations(chunks, articles);
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
    collocation: (a, b) => collocations.get(`${a} ${b}`) ?? null,
  };
}

function countCollocations(chunks: readonly Chunk[], articleCount: number): Map<string, Collocation> {
  const pairs = new Map<string, number>();
  const inHeadings = new Set<string>();
  const pairArticles = new Map<string, Set<string>>();
  const words = new Map<string, number>();
  const seenHeadings = new Set<string>();
  const count = (text: string, heading: boolean, articleId: string) => {
    for (const w of casedWordTokens(text)) {
      const s = processTerm(w);
      if (s) words.set(s, (words.get(s) ?? 0) + 1);
    }
    for (const [a, b] of adjacentStemPairs(text)) {
      const pair = `${a} ${b}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      if (heading) inHeadings.add(pair);
      const articles = pairArticles.get(pair) ?? new Set<string>();
      articles.add(articleId);
      pairArticles.set(pair, articles);
    }
  };
  for (const chunk of chunks) {
    // Every chunk repeats its article's title and headings: each counts once.
    for (const [i, heading] of [chunk.title, ...chunk.sectionPath].entries()) {
      const key = `${chunk.articleId}\u0000${i}\u0000${heading}`;
      if (seenHeadings.has(key)) continue;
      seenHeadings.add(key);
      count(heading, true, chunk.articleId);
    }
    count(chunk.text, false, chunk.articleId);
  }
  const out = new Map<string, Collocation>();
  for (const [pair, n] of pairs) {
    const [a, b] = pair.split(" ") as [string, string];
    if (n >= COLLOCATION_MIN_COUNT && n >= COLLOCATION_MIN_SHARE * Math.min(words.get(a) ?? n, words.get(b) ?? n)) out.set(pair, { inHeading: inHeadings.has(pair), domainWide: articleCount >= 3 && pairArticles.get(pair)!.size >= DOMAIN_COMMON_SHARE * articleCount });
  }
  return out;
}
