/**
 * Heading-aware chunking. Pure: articles in, chunks out.
 *
 * - Every chunk belongs to one section (nearest heading) of one article.
 * - Units are whole sentences or whole list items; nothing is ever split mid-sentence.
 * - Promotional sentences are cut out into their own (tagged) chunks so they can
 *   never ride along as evidence inside a content chunk.
 * - Near-duplicate chunks are collapsed (first occurrence wins).
 */
import { countWords, isHeadingLine, isListItemLine, normalizeWhitespace, splitSentences, stripLineMarkup, wordTokens } from "../answer/text.js";
import type { Article, Chunk } from "../types.js";
import type { PromoMatcher } from "./promotional.js";

export interface ChunkOptions {
  maxWords: number;
  minWords: number;
  /** Jaccard similarity of word 3-shingles at or above which two chunks are duplicates. */
  duplicateThreshold: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxWords: 140, minWords: 40, duplicateThreshold: 0.85 };

interface Block {
  /** Plain text of a paragraph or one list item. */
  text: string;
  sectionPath: string[];
  listItem: boolean;
}

/** Splits a Markdown body into blocks, each tagged with its heading path (level-1 title excluded). */
export function parseBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let paragraph: string[] = [];
  const flush = (listItem = false) => {
    const text = normalizeWhitespace(paragraph.join(" "));
    if (text) blocks.push({ text, sectionPath: headings.map((h) => h.text), listItem });
    paragraph = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    if (!raw.trim()) {
      flush();
      continue;
    }
    if (isHeadingLine(raw)) {
      flush();
      const level = /^\s*(#+)/.exec(raw)![1]!.length;
      if (level === 1) continue; // the article title, not a section
      while (headings.length > 0 && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, text: normalizeWhitespace(stripLineMarkup(raw)) });
      continue;
    }
    if (isListItemLine(raw)) {
      flush();
      paragraph.push(stripLineMarkup(raw));
      flush(true);
      continue;
    }
    paragraph.push(raw);
  }
  flush();
  return blocks;
}

interface Unit {
  text: string;
  words: number;
  promotional: boolean;
  sectionPath: string[];
  /** Index of the block the unit came from: units of one block are joined by a space, blocks by a newline. */
  block: number;
  listItem: boolean;
}

/** Cuts blocks into runs of sentences of the same kind (content vs promotional). */
function toUnits(blocks: Block[], promo: PromoMatcher, maxWords: number): Unit[] {
  const units: Unit[] = [];
  blocks.forEach((block, blockIndex) => {
    const sentences = splitSentences(block.text);
    let run: string[] = [];
    let runPromo = false;
    const push = () => {
      if (run.length === 0) return;
      const text = run.join(" ");
      units.push({ text, words: countWords(text), promotional: runPromo, sectionPath: block.sectionPath, block: blockIndex, listItem: block.listItem });
      run = [];
    };
    for (const sentence of sentences) {
      const isPromo = promo.isPromotional(sentence);
      const runWords = countWords(run.join(" "));
      if (run.length > 0 && (isPromo !== runPromo || runWords + countWords(sentence) > maxWords)) push();
      runPromo = isPromo;
      run.push(sentence);
    }
    push();
  });
  return units;
}

function sameSection(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** The chunk text (one line per block) and the lines that are list items. */
function joinUnits(units: Unit[]): { text: string; listLines: number[] } {
  let text = "";
  let line = 0;
  const listLines: number[] = [];
  units.forEach((u, i) => {
    if (i === 0) text = u.text;
    else if (u.block === units[i - 1]!.block) text += " " + u.text;
    else {
      text += "\n" + u.text;
      line++;
    }
    if (u.listItem && listLines[listLines.length - 1] !== line) listLines.push(line);
  });
  return { text, listLines };
}

/** Chunks one article. Chunk ids are `<articleId>#<ordinal>` in reading order. */
export function chunkArticle(article: Article, promo: PromoMatcher, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const units = toUnits(parseBlocks(article.body), promo, options.maxWords);
  const groups: Unit[][] = [];
  for (const unit of units) {
    const current = groups[groups.length - 1];
    const head = current?.[0];
    const words = current?.reduce((n, u) => n + u.words, 0) ?? 0;
    const fits =
      current !== undefined &&
      head !== undefined &&
      head.promotional === unit.promotional &&
      sameSection(head.sectionPath, unit.sectionPath) &&
      words + unit.words <= options.maxWords;
    // Prefer closing a chunk at a block boundary once it is big enough.
    const bigEnough = words >= options.maxWords * 0.6 && current !== undefined && current[current.length - 1]!.block !== unit.block;
    if (fits && !bigEnough) current.push(unit);
    else groups.push([unit]);
  }
  // A short tail joins the previous chunk of the same section when it still fits.
  for (let i = groups.length - 1; i > 0; i--) {
    const tail = groups[i]!;
    const prev = groups[i - 1]!;
    const tailWords = tail.reduce((n, u) => n + u.words, 0);
    const prevWords = prev.reduce((n, u) => n + u.words, 0);
    if (
      tailWords < options.minWords &&
      prev[0]!.promotional === tail[0]!.promotional &&
      sameSection(prev[0]!.sectionPath, tail[0]!.sectionPath) &&
      prevWords + tailWords <= options.maxWords
    ) {
      prev.push(...tail);
      groups.splice(i, 1);
    }
  }
  return groups.map((group, ordinal) => {
    const path = group[0]!.sectionPath;
    const { text, listLines } = joinUnits(group);
    return {
      id: `${article.id}#${ordinal}`,
      articleId: article.id,
      title: article.title,
      url: article.url,
      section: path.length > 0 ? path[path.length - 1]! : null,
      sectionPath: path,
      text,
      listLines,
      promotional: group[0]!.promotional,
      ordinal,
    };
  });
}

function shingles(text: string): Set<string> {
  const words = wordTokens(text);
  const out = new Set<string>();
  if (words.length < 3) {
    out.add(words.join(" "));
    return out;
  }
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 1 : inter / union;
}

/** MinHash signature length and its split into LSH bands (BANDS × ROWS = HASHES). */
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SEEDS = Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** Murmur3's finalizer: a cheap, well-mixed 32-bit hash of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function minHash(shingleSet: Set<string>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingleSet) {
    const h = hashString(s);
    for (let i = 0; i < HASHES; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/**
 * Drops chunks that nearly repeat an earlier one (repeated CTAs, syndicated
 * paragraphs); the first occurrence wins. Comparing every chunk with every
 * kept one was quadratic (minutes for a 1,000-article library), so candidates
 * come from MinHash locality-sensitive hashing: chunks whose signatures agree
 * on a whole band share a bucket, and only those pairs get the exact Jaccard
 * check. At the 0.85 threshold a true duplicate pair is missed with
 * probability below 1e-5 (1 − (1 − 0.85⁴)¹⁶).
 */
export function collapseNearDuplicates(chunks: Chunk[], threshold = DEFAULT_CHUNK_OPTIONS.duplicateThreshold): { kept: Chunk[]; dropped: number } {
  const kept: Chunk[] = [];
  const keptShingles: Array<Set<string>> = [];
  const buckets = new Map<string, number[]>();
  let dropped = 0;
  for (const chunk of chunks) {
    const s = shingles(chunk.text);
    const sig = minHash(s);
    const keys = Array.from({ length: BANDS }, (_, b) => `${b}:${sig.subarray(b * ROWS, (b + 1) * ROWS).join(",")}`);
    const candidates = new Set(keys.flatMap((k) => buckets.get(k) ?? []));
    if ([...candidates].some((i) => jaccard(keptShingles[i]!, s) >= threshold)) {
      dropped++;
      continue;
    }
    const index = kept.length;
    kept.push(chunk);
    keptShingles.push(s);
    for (const k of keys) {
      const bucket = buckets.get(k);
      if (bucket) bucket.push(index);
      else buckets.set(k, [index]);
    }
  }
  return { kept, dropped };
}
