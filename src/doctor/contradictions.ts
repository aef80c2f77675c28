/**
 * Figures that disagree across articles: the same kind of quantity (same
 * dimension) about the same thing (shared distinctive words in the sentence
 * and its heading), stated with different values in different articles.
 * Topic-free: what counts as "the same thing" comes from the corpus's own
 * word statistics, never from a list of treatment words.
 */
import { wordTokens } from "../answer/text.js";
import { contentTerms, stem, termWeight } from "../retrieve/terms.js";
import type { PromoMatcher } from "../ingest/promotional.js";
import type { Article } from "../types.js";
import { articleSentences } from "./corpus-text.js";
import { extractQuantities, formatValue, type Quantity } from "./quantities.js";

export interface StatedFigure {
  articleId: string;
  title: string;
  sectionPath: string[];
  sentence: string;
  quantity: Quantity;
  /** The interval, for people ("1 hour – 2 hours"). */
  value: string;
}

export interface Contradiction {
  dimension: string;
  /** Distinctive words the statements share: what they are about. */
  about: string[];
  figures: StatedFigure[];
}

export interface ContradictionOptions {
  /** Share of the lighter statement's word weight two statements must have in common. */
  minOverlap: number;
  /** Words this close to a figure (either side), or in its heading, name what it measures. */
  window: number;
  /** A word in more than this share of the corpus's sentences is too common to tell two figures apart. */
  maxSentenceShare: number;
  /** Figures further apart than this factor measure different things (a 1-hour session, a 6-week course). */
  maxRatio: number;
}

export const DEFAULT_CONTRADICTION_OPTIONS: ContradictionOptions = { minOverlap: 0.5, window: 6, maxSentenceShare: 0.25, maxRatio: 10 };

// Words that frame a figure rather than say what it measures.
const FRAMING = new Set(
  contentTerms(
    "typically usually about approximately around roughly nearly almost between least most up within each every per last lasting lasts " +
      "second seconds minute minutes hour hours day days week weeks month months year years percent " +
      "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty hundred half few several multiple",
  ).filter((s) => s !== "last"),
);

interface Candidate extends StatedFigure {
  /** Distinctive words of the sentence and heading. */
  keys: Set<string>;
  /** Distinctive words right around the figure, and in its heading. */
  near: Set<string>;
  /** Stem of the noun a duration or percentage is attached to ("month intervals" → "interv"). */
  noun: string | null;
}

function distinctive(text: string, common: Set<string>): string[] {
  return contentTerms(text).filter((w) => !/^\d/.test(w) && !FRAMING.has(w) && !common.has(w) && termWeight(w) === 1);
}

/**
 * Stems in more than `share` of all sentences: they say nothing about which figure is which.
 * A handful of sentences is no statistic, so a word must also occur more than five times.
 */
function corpusCommon(sentences: string[], share: number): Set<string> {
  const df = new Map<string, number>();
  for (const s of sentences) for (const w of new Set(contentTerms(s))) df.set(w, (df.get(w) ?? 0) + 1);
  const limit = Math.max(share * sentences.length, 5);
  return new Set([...df].filter(([, n]) => n > limit).map(([w]) => w));
}

function around(sentence: string, q: Quantity, window: number): string {
  const before = sentence.slice(0, q.index).split(/\s+/).filter(Boolean).slice(-window);
  const after = sentence.slice(q.index + q.text.length).split(/\s+/).filter(Boolean).slice(0, window);
  return [...before, ...after].join(" ");
}

/** How far apart two figures are, comparing the middle of each interval (open ends use their bound). */
function ratio(a: Quantity, b: Quantity): number {
  const mid = (q: Quantity) => {
    const lo = q.min ?? q.max ?? 0;
    const hi = q.max ?? q.min ?? 0;
    return Math.sqrt(Math.max(lo, 1e-9) * Math.max(hi, 1e-9));
  };
  const x = mid(a);
  const y = mid(b);
  return Math.max(x, y) / Math.max(Math.min(x, y), 1e-9);
}

function sameValue(a: Quantity, b: Quantity): boolean {
  const close = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x)));
  return close(a.min, b.min) && close(a.max, b.max);
}

export function findContradictions(articles: Article[], promo: PromoMatcher, options: ContradictionOptions = DEFAULT_CONTRADICTION_OPTIONS): Contradiction[] {
  const sentences = articles.flatMap((a) => articleSentences(a));
  const common = corpusCommon(sentences.map((s) => s.text), options.maxSentenceShare);
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const candidates: Candidate[] = [];
  for (const s of sentences) {
      if (promo.isPromotional(s.text)) continue; // never shown to patients, so never a conflicting answer
      for (const quantity of extractQuantities(s.text)) {
        const heading = s.sectionPath[s.sectionPath.length - 1] ?? "";
        const noun = quantity.noun && !quantity.dimension.startsWith("count:") ? (contentTerms(quantity.noun)[0] ?? null) : null;
        candidates.push({
          articleId: s.articleId,
          title: titles.get(s.articleId) ?? s.articleId,
          sectionPath: s.sectionPath,
          sentence: s.text,
          quantity,
          value: formatValue(quantity),
          keys: new Set(distinctive(`${s.text} ${heading}`, common)),
          // A count's own noun ("6 sessions") is what it measures.
          near: new Set(distinctive(`${around(s.text, quantity, options.window)} ${heading} ${quantity.dimension.startsWith("count:") ? (quantity.noun ?? "") : ""}`, common)),
          noun,
        });
      }
  }
  // Rarer words say more about what a figure measures.
  const df = new Map<string, number>();
  for (const c of candidates) for (const k of c.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const weight = (k: string) => Math.log(1 + candidates.length / (df.get(k) ?? 1));
  const mass = (keys: Set<string>) => [...keys].reduce((n, k) => n + weight(k), 0);

  // Links between statements from different articles, scored by how much they share.
  const link = new Map<string, number>();
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!;
      const b = candidates[j]!;
      if (a.articleId === b.articleId || a.quantity.dimension !== b.quantity.dimension) continue;
      if (ratio(a.quantity, b.quantity) > options.maxRatio) continue;
      // "3-6 month intervals" measures intervals: only a statement about intervals can disagree with it.
      if ((a.noun && !b.keys.has(a.noun)) || (b.noun && !a.keys.has(b.noun))) continue;
      const nearShared = [...a.near].filter((k) => b.near.has(k));
      const shared = [...a.keys].filter((k) => b.keys.has(k));
      const lighter = Math.min(mass(a.keys), mass(b.keys));
      const overlap = lighter > 0 ? shared.reduce((n, k) => n + weight(k), 0) / lighter : 0;
      if (nearShared.length === 0 && overlap < options.minOverlap) continue;
      const score = overlap + nearShared.reduce((n, k) => n + weight(k), 0);
      link.set(`${i}:${j}`, score);
      pairs.push([i, j, score]);
    }
  }
  const linked = (i: number, j: number) => link.has(i < j ? `${i}:${j}` : `${j}:${i}`);
  // Complete linkage: a statement joins a group only when it is linked to every member from another
  // article, so one shared word ("last") cannot chain a session length to an illness's duration.
  // Two figures of one article may share a group when they are the same kind of figure.
  const sameDimension = (x: number, y: number) => candidates[x]!.quantity.dimension === candidates[y]!.quantity.dimension;
  const cluster = candidates.map((_, i) => [i]);
  const owner = candidates.map((_, i) => i);
  for (const [i, j] of pairs.sort((x, y) => y[2] - x[2])) {
    const ci = owner[i]!;
    const cj = owner[j]!;
    if (ci === cj) continue;
    const ok = cluster[ci]!.every((x) => cluster[cj]!.every((y) => candidates[x]!.articleId === candidates[y]!.articleId ? sameDimension(x, y) : linked(x, y)));
    if (!ok) continue;
    for (const y of cluster[cj]!) owner[y] = ci;
    cluster[ci]!.push(...cluster[cj]!);
    cluster[cj] = [];
  }
  const groups = new Map<number, Candidate[]>(cluster.flatMap((members, c) => (members.length > 0 ? [[c, members.sort((x, y) => x - y).map((m) => candidates[m]!)] as [number, Candidate[]]] : [])));
  const out: Contradiction[] = [];
  for (const members of groups.values()) {
    if (new Set(members.map((m) => m.articleId)).size < 2) continue;
    const distinct = members.filter((m, i) => members.findIndex((o) => sameValue(o.quantity, m.quantity)) === i);
    if (distinct.length < 2) continue;
    const counts = new Map<string, number>();
    for (const m of members) for (const k of m.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    // Shown as the articles' own words ("course"), not stems ("cours").
    const surface = new Map<string, string>();
    for (const m of members) for (const w of wordTokens(`${m.sentence} ${m.sectionPath.join(" ")}`)) if (!surface.has(stem(w))) surface.set(stem(w), w);
    const about = [...counts].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1]).map(([k]) => surface.get(k) ?? k).slice(0, 6);
    out.push({ dimension: members[0]!.quantity.dimension, about, figures: members.map(({ keys: _k, near: _n, noun: _noun, ...f }) => f) });
  }
  return out;
}
