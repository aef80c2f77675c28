/**
 * A chunk's lists: runs of list-item lines (`chunk.listLines`), each with
 * the line that leads into it, and the lead-in sentence ("Please bring:",
 * "…if you:") each item is read with. Memoized per chunk object, like its
 * sentences: chunks are immutable once loaded.
 */
import type { Chunk } from "../types.js";
import { chunkSentences, type SentenceRef } from "./sentences.js";

/** A run of list items in one chunk, with the line before it (the paragraph that leads into it), if any. */
export interface ListRun {
  chunk: Chunk;
  intro: number | null;
  items: number[];
}

export interface ChunkLists {
  /** Runs of two or more items. */
  runs: ListRun[];
  /** Each item line's lead-in sentence, when the line before the run ends with a colon. */
  leadInOf: ReadonlyMap<number, SentenceRef>;
  /** Those lead-in sentences. */
  leadIns: ReadonlySet<SentenceRef>;
}

/** A sentence ending with a colon leads into what follows it. */
export const LEAD_IN = /:\s*$/;

const cache = new WeakMap<Chunk, ChunkLists>();

export function chunkLists(chunk: Chunk): ChunkLists {
  const hit = cache.get(chunk);
  if (hit) return hit;
  const runs: ListRun[] = [];
  for (const line of chunk.listLines) {
    const last = runs[runs.length - 1];
    if (last && last.items[last.items.length - 1] === line - 1) last.items.push(line);
    else {
      // The paragraph just before a list leads into it ("Please bring:", "Severity is judged by…").
      const intro = line > 0 && !chunk.listLines.includes(line - 1) ? line - 1 : null;
      runs.push({ chunk, intro, items: [line] });
    }
  }
  const lists = runs.filter((r) => r.items.length >= 2);
  const leadInOf = new Map<number, SentenceRef>();
  for (const run of lists) {
    const leadIn = chunkSentences(chunk).filter((s) => s.line === run.intro).pop();
    if (leadIn && LEAD_IN.test(leadIn.text)) for (const line of run.items) leadInOf.set(line, leadIn);
  }
  const out: ChunkLists = { runs: lists, leadInOf, leadIns: new Set(leadInOf.values()) };
  cache.set(chunk, out);
  return out;
}

export const inRun = (run: ListRun, ref: SentenceRef) => ref.chunk.id === run.chunk.id && (ref.line === run.intro || run.items.includes(ref.line));
