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
}

/** Splits a Markdown body into blocks, each tagged with its heading path (level-1 title excluded). */
export function parseBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = normalizeWhitespace(paragraph.join(" "));
    if (text) blocks.push({ text, sectionPath: headings.map((h) => h.text) });
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
      flush();
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
      units.push({ text, words: countWords(text), promotional: runPromo, sectionPath: block.sectionPath, block: blockIndex });
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

function joinUnits(units: Unit[]): string {
  let text = "";
  units.forEach((u, i) => {
    if (i === 0) text = u.text;
    else text += (u.block === units[i - 1]!.block ? " " : "\n") + u.text;
  });
  return text;
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
    return {
      id: `${article.id}#${ordinal}`,
      articleId: article.id,
      title: article.title,
      url: article.url,
      section: path.length > 0 ? path[path.length - 1]! : null,
      sectionPath: path,
      text: joinUnits(group),
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

/** Drops chunks that nearly repeat an earlier one (repeated CTAs, syndicated paragraphs). */
export function collapseNearDuplicates(chunks: Chunk[], threshold = DEFAULT_CHUNK_OPTIONS.duplicateThreshold): { kept: Chunk[]; dropped: number } {
  const kept: Chunk[] = [];
  const keptShingles: Array<Set<string>> = [];
  let dropped = 0;
  for (const chunk of chunks) {
    const s = shingles(chunk.text);
    if (keptShingles.some((k) => jaccard(k, s) >= threshold)) {
      dropped++;
      continue;
    }
    kept.push(chunk);
    keptShingles.push(s);
  }
  return { kept, dropped };
}
