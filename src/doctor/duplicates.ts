/**
 * Near-duplicate passages across articles: paragraphs (or list items) whose
 * word 3-shingles overlap enough that a patient would read them as the same
 * text. Candidates come from an inverted shingle index, so large corpora stay cheap.
 */
import { wordTokens } from "../answer/text.js";
import { jaccard } from "../ingest/chunk.js";
import type { PromoMatcher } from "../ingest/promotional.js";
import type { Article } from "../types.js";
import { articleSentences } from "./corpus-text.js";

export interface Passage {
  articleId: string;
  sectionPath: string[];
  text: string;
}

export interface DuplicatePair {
  similarity: number;
  a: Passage;
  b: Passage;
}

export interface DuplicateOptions {
  /** Jaccard similarity of word 3-shingles at or above which two passages are near-duplicates. */
  threshold: number;
  /** Shorter passages are ignored (a repeated heading-like line is not a duplicate passage). */
  minWords: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { threshold: 0.5, minWords: 12 };

function shingles(text: string): Set<string> {
  const w = wordTokens(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

/** Paragraphs of content text (promotional sentences left out: they have their own check). */
function passages(article: Article, promo: PromoMatcher): Passage[] {
  const byBlock = new Map<number, Passage>();
  for (const s of articleSentences(article)) {
    if (promo.isPromotional(s.text)) continue;
    const p = byBlock.get(s.block);
    if (p) p.text += ` ${s.text}`;
    else byBlock.set(s.block, { articleId: article.id, sectionPath: s.sectionPath, text: s.text });
  }
  return [...byBlock.values()];
}

export function nearDuplicatePassages(articles: Article[], promo: PromoMatcher, options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS): DuplicatePair[] {
  const all = articles.flatMap((a) => passages(a, promo)).filter((p) => wordTokens(p.text).length >= options.minWords);
  const sh = all.map((p) => shingles(p.text));
  const postings = new Map<string, number[]>();
  sh.forEach((set, i) => set.forEach((s) => postings.set(s, [...(postings.get(s) ?? []), i])));
  const out: DuplicatePair[] = [];
  const seen = new Set<string>();
  sh.forEach((set, i) => {
    for (const s of set) {
      for (const j of postings.get(s) ?? []) {
        if (j <= i || all[i]!.articleId === all[j]!.articleId || seen.has(`${i}:${j}`)) continue;
        seen.add(`${i}:${j}`);
        const similarity = jaccard(set, sh[j]!);
        if (similarity >= options.threshold) out.push({ similarity: Number(similarity.toFixed(3)), a: all[i]!, b: all[j]! });
      }
    }
  });
  return out.sort((x, y) => y.similarity - x.similarity);
}
