/**
 * How close an imported article body is to a hand-made one. Used by the seed
 * test and reported in the README ("Importing pages").
 */
import { lineKey } from "../../../src/ingest/import/lines.js";

export interface Closeness {
  /** Multiset F1 of the bodies' words. */
  tokenF1: number;
  /** F1 of whole normalised lines (paragraphs, items, headings) found verbatim. */
  lineF1: number;
  /** Share of the reference's headings present as headings, and of those, at the same level. */
  headingRecall: number;
  headingLevelAccuracy: number;
  /** Share of the reference's list items present as list items. */
  listItemRecall: number;
}

interface Parsed {
  lines: string[];
  headings: Map<string, number>;
  items: Set<string>;
}

function parse(body: string): Parsed {
  const lines: string[] = [];
  const headings = new Map<string, number>();
  const items = new Set<string>();
  for (const raw of body.split(/\r?\n/)) {
    const heading = /^(#{2,6})\s+(.*)$/.exec(raw);
    const item = /^(?:[-*]|\d+[.)])\s+(.*)$/.exec(raw);
    const text = lineKey(heading?.[2] ?? item?.[1] ?? raw);
    if (!text) continue;
    lines.push(text);
    if (heading) headings.set(text, heading[1]!.length);
    if (item) items.add(text);
  }
  return { lines, headings, items };
}

function f1(common: number, a: number, b: number): number {
  return a + b === 0 ? 1 : (2 * common) / (a + b);
}

function multisetCommon(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const x of b) {
    const n = counts.get(x) ?? 0;
    if (n > 0) {
      common++;
      counts.set(x, n - 1);
    }
  }
  return common;
}

export function closeness(actualBody: string, expectedBody: string): Closeness {
  const a = parse(actualBody);
  const e = parse(expectedBody);
  const tokens = (p: Parsed) => p.lines.flatMap((l) => l.split(" "));
  const ta = tokens(a);
  const te = tokens(e);
  const found = [...e.headings].filter(([t]) => a.headings.has(t));
  return {
    tokenF1: f1(multisetCommon(ta, te), ta.length, te.length),
    lineF1: f1(multisetCommon(a.lines, e.lines), a.lines.length, e.lines.length),
    headingRecall: e.headings.size === 0 ? 1 : found.length / e.headings.size,
    headingLevelAccuracy: found.length === 0 ? 1 : found.filter(([t, level]) => a.headings.get(t) === level).length / found.length,
    listItemRecall: e.items.size === 0 ? 1 : [...e.items].filter((t) => a.items.has(t)).length / e.items.size,
  };
}
