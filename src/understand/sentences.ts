/** A chunk's sentences with their position, so adjacent ones can be quoted as one span. */
import { splitSentences } from "../answer/text.js";
import { contentTerms } from "../retrieve/terms.js";
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

const termCache = new WeakMap<SentenceRef, ReadonlySet<string>>();

/** Content-word stems of one sentence (memoized with the sentence). */
export function sentenceTerms(ref: SentenceRef): ReadonlySet<string> {
  let terms = termCache.get(ref);
  if (!terms) termCache.set(ref, (terms = new Set(contentTerms(ref.text))));
  return terms;
}
