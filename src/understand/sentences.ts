/** A chunk's sentences with their position, so adjacent ones can be quoted as one span. */
import { splitSentences } from "../answer/text.js";
import type { Chunk } from "../types.js";

export interface SentenceRef {
  text: string;
  chunk: Chunk;
  /** Line of `chunk.text` the sentence is on, and its position in that line. */
  line: number;
  index: number;
}

const cache = new WeakMap<Chunk, SentenceRef[]>();

/** Sentences of a chunk, in reading order (memoized per chunk object: chunks are immutable once loaded). */
export function chunkSentences(chunk: Chunk): SentenceRef[] {
  const hit = cache.get(chunk);
  if (hit) return hit;
  const out: SentenceRef[] = [];
  chunk.text.split("\n").forEach((lineText, line) => {
    splitSentences(lineText).forEach((text, index) => out.push({ text, chunk, line, index }));
  });
  cache.set(chunk, out);
  return out;
}
