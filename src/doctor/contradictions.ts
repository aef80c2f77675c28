/**
 * Figures that disagree across articles: the same measured quantity (same
 * dimension: a duration, a percentage, a count of the same noun) about the
 * same subject, stated with different values in different articles.
 *
 * The subject of a figure is read from grammar, not from any shared word:
 * the nouns (wink-nlp part-of-speech tags) of the clause the figure stands in
 * ("the numbness wears off after two to four hours" → numbness), else of the
 * clause it qualifies ("walk with crutches, usually for 1 to 2 weeks" →
 * crutches), else of its section heading. Two figures pair only when their
 * subjects share a noun, so a visit's length and a healing time never pair
 * through a shared verb ("lasts") or adjective ("mild"). Nouns that say who
 * rather than what ("most people need…"), time words, and words in a quarter
 * of the corpus's sentences (the clinic's own subject) name nothing; a figure
 * left with no subject at all is about the clinic's subject in general and
 * may pair with any figure of the same quantity. Topic-free: no treatment
 * word lists.
 */
import { wordTokens } from "../answer/text.js";
import type { PromoMatcher } from "../ingest/promotional.js";
import { contentTerms, stem } from "../retrieve/terms.js";
import type { Article } from "../types.js";
import { tagSentences } from "../understand/nlp.js";
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
  /** The subject nouns the statements share: what they are about. */
  about: string[];
  figures: StatedFigure[];
}

export interface ContradictionOptions {
  /** A word in more than this share of the corpus's sentences is too common to tell two figures apart. */
  maxSentenceShare: number;
  /** Figures further apart than this factor measure different things (a 1-hour session, a 6-week course). */
  maxRatio: number;
}

export const DEFAULT_CONTRADICTION_OPTIONS: ContradictionOptions = { maxSentenceShare: 0.25, maxRatio: 10 };

/** Nouns that say who a figure is about, or that it is a time: never what it measures. */
const NOT_SUBJECTS = new Set(
  contentTerms(
    "people person patient adult individual everyone someone man men woman women child children kid teen couple partner parent " +
      "time times second minute hour day week month year percent",
  ),
);

interface Candidate extends StatedFigure {
  /** Stems of the nouns naming what the figure is about; empty = the clinic's subject in general. */
  subject: Subject;
  /** Stem of the noun a duration or percentage is attached to ("month intervals" → "interv"). */
  noun: string | null;
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

/** Clause boundaries: commas, semicolons, colons, dashes between words, and contrasting conjunctions. */
const CLAUSE_BREAK = /\s*[,;:]\s+|\s+[—–]\s+(?!\d)|\s+(?:while|whereas|but|although)\s+/gi;

/** The sentence's clauses as [start, end) offsets; a figure's own words are never split. */
function clauses(sentence: string, figures: Quantity[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (figures.some((q) => at >= q.index && at < q.index + q.text.length)) continue;
    out.push([start, at]);
    start = at + m[0].length;
  }
  out.push([start, sentence.length]);
  return out;
}

const REFERENCE_POINT = /^(?:after|before|since|following|until|post)$/i;

/**
 * Runs of adjacent nouns ("knee replacement"), each as its stems, without who- and time-words,
 * the corpus's common words, and phrases after "after"/"before" (reference points). The tagger reads a capitalised first word as a name ("Mild
 * ankle sprain") and a hyphenated word as its parts ("follow-up" as a verb), so the text is
 * tagged with its first letter in lower case and its hyphenated words joined.
 */
function nounRuns(text: string, common: Set<string>, exclude: Set<string>): string[][] {
  const runs: string[][] = [];
  const normal = text.trim().replace(/^(\W*)(\p{Lu})(?=\p{Ll})/u, (_, pre: string, c: string) => pre + c.toLowerCase()).replace(/(\p{L})-(?=\p{L})/gu, "$1");
  for (const sentence of tagSentences(normal)) {
    let run: string[] = [];
    // "after a cleaning", "before treatment": the point a time is counted from, not what it measures.
    let reference = false;
    const close = () => {
      if (run.length > 0 && !reference) runs.push(run);
      run = [];
    };
    sentence.tokens.forEach((token) => {
      const noun = token.pos === "NOUN" || token.pos === "PROPN";
      if (noun) {
        for (const s of contentTerms(token.text)) if (!/^\d/.test(s) && !NOT_SUBJECTS.has(s) && !common.has(s) && !exclude.has(s)) run.push(s);
        return;
      }
      close();
      if (REFERENCE_POINT.test(token.text)) reference = true;
      else if (!["DET", "ADJ", "NUM", "PRON", "ADV"].includes(token.pos)) reference = false;
    });
    close();
  }
  return runs;
}

interface Subject {
  /** Noun phrases naming it directly: the clause's grammatical subject and the phrase right before the figure. */
  direct: string[][];
  /** A "for"/"of" phrase right after the figure; for a clause that is only the figure, the clause before it, else the heading. */
  fallback: string[][];
}

/**
 * What a figure is about. Directly: its clause's first noun phrase ("the numbness wears off
 * after two to four hours") and the noun phrase right before the figure ("over the course of six
 * weeks"). Less directly: the nouns of a "for"/"of" phrase right after it ("plan on an hour for
 * your appointment"; not "3 months after surgery", a reference point), and when its clause is
 * nothing but the figure, the clause before it
 * ("Total knee replacement: 8 to 12 weeks") or else its heading. Two figures share a subject
 * only through a phrase one of them names directly.
 */
function figureSubject(sentence: string, q: Quantity, all: Quantity[], heading: string, common: Set<string>): Subject {
  // A count's own noun is the quantity ("6 sessions"), not its subject.
  const exclude = new Set(contentTerms(`${q.text} ${q.noun ?? ""}`));
  const parts = clauses(sentence, all);
  const at = Math.max(0, parts.findIndex(([s, e]) => q.index >= s && q.index < e));
  const [start, end] = parts[at]!;
  const withoutFigures = (text: string) => all.reduce((t, f) => t.replace(f.text, " "), text);
  const runs = (from: number, to: number) => nounRuns(withoutFigures(sentence.slice(from, to)), common, exclude);
  const before = runs(start, q.index);
  // After a figure, only "for …"/"of …" names what it measures ("an hour for your appointment");
  // "after surgery", "before treatment" are the point it is counted from.
  const afterText = sentence.slice(q.index + q.text.length, end);
  const after = /^\s*(?:for|of)\b/i.test(afterText) ? runs(q.index + q.text.length, end) : [];
  if (before.length > 0) return { direct: [before[0]!, before[before.length - 1]!], fallback: after };
  // A count with nothing else in its clause ("most people need 3 to 5 sessions") is about its section.
  if (after.length === 0 && q.dimension.startsWith("count:")) return { direct: [], fallback: nounRuns(heading, common, exclude) };
  if (after.length > 0 || runs(start, end).length > 0) return { direct: [], fallback: after };
  // A clause that is nothing but the figure ("usually for 1 to 2 weeks") is about what the sentence or heading names.
  const fallback = [at > 0 ? runs(parts[at - 1]![0], parts[at - 1]![1]) : [], nounRuns(heading, common, exclude)].find((r) => r.length > 0) ?? [];
  return { direct: [], fallback };
}

/** Two noun phrases name the same thing when their head nouns agree and one's words contain the other's ("session" / "ketamine session", not "follow-up visit" / "outpatient visit"). */
function samePhrase(a: string[], b: string[]): boolean {
  if (a[a.length - 1] !== b[b.length - 1]) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.every((w) => large.includes(w));
}

/** Head nouns of the phrases both name, at least one of them directly. */
function sharedSubject(a: Subject, b: Subject): string[] {
  const heads = new Set<string>();
  const match = (xs: string[][], ys: string[][]) => {
    for (const x of xs) for (const y of ys) if (samePhrase(x, y)) heads.add(x[x.length - 1]!);
  };
  match(a.direct, [...b.direct, ...b.fallback]);
  match(a.fallback, b.direct);
  return [...heads];
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
    const quantities = extractQuantities(s.text);
    for (const quantity of quantities) {
      const heading = s.sectionPath[s.sectionPath.length - 1] ?? "";
      const noun = quantity.noun && !quantity.dimension.startsWith("count:") ? (contentTerms(quantity.noun)[0] ?? null) : null;
      candidates.push({
        articleId: s.articleId,
        title: titles.get(s.articleId) ?? s.articleId,
        sectionPath: s.sectionPath,
        sentence: s.text,
        quantity,
        value: formatValue(quantity),
        subject: figureSubject(s.text, quantity, quantities, heading, common),
        noun,
      });
    }
  }
  // Rarer nouns say more about what a figure measures.
  const df = new Map<string, number>();
  for (const c of candidates) for (const k of [...c.subject.direct, ...c.subject.fallback].flat()) df.set(k, (df.get(k) ?? 0) + 1);
  const weight = (k: string) => Math.log(1 + candidates.length / (df.get(k) ?? 1));

  // Links between statements from different articles: the same quantity about a shared subject.
  const link = new Map<string, number>();
  const pairs: Array<[number, number, number]> = [];
  const sharedHeads = new Map<string, string[]>();
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!;
      const b = candidates[j]!;
      if (a.articleId === b.articleId || a.quantity.dimension !== b.quantity.dimension) continue;
      if (ratio(a.quantity, b.quantity) > options.maxRatio) continue;
      // "3-6 month intervals" measures intervals: only a statement about intervals can disagree with it.
      const mentions = (c: Candidate, n: string) => contentTerms(c.sentence).includes(n);
      if ((a.noun && !mentions(b, a.noun)) || (b.noun && !mentions(a, b.noun))) continue;
      // The same subject: a noun phrase both name, at least one of them directly. A count with no
      // subject at all ("most patients need 3 sessions") is about the clinic's subject in general,
      // and is compared with the same count about a named subject; two such counts say too little.
      const shared = sharedSubject(a.subject, b.subject);
      const none = (c: Candidate) => c.subject.direct.length === 0 && c.subject.fallback.length === 0;
      const general = a.quantity.dimension.startsWith("count:") && none(a) !== none(b);
      if (shared.length === 0 && !general) continue;
      // A shared subject outranks a figure about the clinic's subject in general.
      const score = shared.length > 0 ? shared.reduce((n, k) => n + weight(k), 0) : 0.1;
      link.set(`${i}:${j}`, score);
      sharedHeads.set(`${i}:${j}`, shared);
      pairs.push([i, j, score]);
    }
  }
  const linked = (i: number, j: number) => link.has(i < j ? `${i}:${j}` : `${j}:${i}`);
  // Complete linkage: a statement joins a group only when it is linked to every member from another
  // article, so one general figure cannot chain a session length to an illness's duration.
  // Two figures of one article may share a group when they are the same kind of figure.
  const sameDimension = (x: number, y: number) => candidates[x]!.quantity.dimension === candidates[y]!.quantity.dimension;
  const cluster = candidates.map((_, i) => [i]);
  const owner = candidates.map((_, i) => i);
  for (const [i, j] of pairs.sort((x, y) => y[2] - x[2])) {
    const ci = owner[i]!;
    const cj = owner[j]!;
    if (ci === cj) continue;
    const ok = cluster[ci]!.every((x) => cluster[cj]!.every((y) => (candidates[x]!.articleId === candidates[y]!.articleId ? sameDimension(x, y) : linked(x, y))));
    if (!ok) continue;
    for (const y of cluster[cj]!) owner[y] = ci;
    cluster[ci]!.push(...cluster[cj]!);
    cluster[cj] = [];
  }
  const groups = cluster.filter((members) => members.length > 0).map((members) => members.sort((x, y) => x - y).map((m) => candidates[m]!));
  const out: Contradiction[] = [];
  for (const members of groups) {
    if (new Set(members.map((m) => m.articleId)).size < 2) continue;
    // Different values within one article (a first visit and a follow-up) are no contradiction.
    if (!members.some((m) => members.some((o) => o.articleId !== m.articleId && !sameValue(o.quantity, m.quantity)))) continue;
    const counts = new Map<string, number>();
    const index = members.map((m) => candidates.indexOf(m));
    for (const i of index) for (const j of index) for (const k of sharedHeads.get(`${i}:${j}`) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
    // Shown as the articles' own words ("course"), not stems ("cours").
    const surface = new Map<string, string>();
    for (const m of members) for (const w of wordTokens(`${m.sentence} ${m.sectionPath.join(" ")}`)) if (!surface.has(stem(w))) surface.set(stem(w), w);
    const about = [...counts].sort((x, y) => y[1] - x[1]).map(([k]) => surface.get(k) ?? k).slice(0, 6);
    out.push({ dimension: members[0]!.quantity.dimension, about, figures: members.map(({ subject: _s, noun: _noun, ...f }) => f) });
  }
  return out;
}
