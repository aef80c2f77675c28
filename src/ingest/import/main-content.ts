/**
 * Where a saved page's article is. `@mozilla/readability` trims an article's
 * surroundings well, but on its own it can pick the wrong part of a page:
 * its class-name rules delete a layout wrapper named like chrome
 * ("layout--sidebar-right", "has-header") together with the article inside
 * it, after which a phone bar, a cookie notice or a single section is the
 * largest text left, and a fixed minimum length accepts it. So:
 *
 * 1. scope: the page's own main-content landmark (`<main>`, `role="main"`)
 *    when it holds at least half of the page's prose, else the whole page;
 * 2. Readability reads the scope alone, and must return at least 70% of the
 *    scope's prose, or it retries with fewer heuristics (its own fallback);
 * 3. its result only sets the article's extent: the scope's blocks from the
 *    first to the last line Readability kept (and, when that last line is a
 *    heading, the text under it). Inside the extent a heading, a list or a
 *    sentence-length paragraph always stays; Readability's choice stands
 *    for short lines (buttons, labels, captions);
 * 4. an extent holding less than 70% of the scope's prose means Readability
 *    still picked too small a part: the whole scope is used, the line rules
 *    in `chrome.ts` clean it, and the import summary says so.
 *
 * The page's chrome elements (nav, aside, footer, forms…) are removed before
 * this runs (`read-html.ts`).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { lineKey, wordCount } from "./lines.js";
import { blockTexts, type Block } from "./model.js";
import { isFullSentence, isProse } from "./prose.js";

/** A landmark holding less of the page's prose than this is not the page's main content (a hero banner). */
const LANDMARK_MIN_SHARE = 0.5;
/** Readability's pick holding less of the scope's prose than this is too small a part (a top bar, one section). */
const ARTICLE_MIN_SHARE = 0.7;

export interface MainContent {
  blocks: Block[];
  /** Readability's reading of the page title (metadata, `<title>` without the site's name). */
  title: string | null;
  /** Set when Readability's pick was overruled: what was used instead and why, for the import summary. */
  note: string | null;
}

/** The sentence-length lines that are not chrome, headings left out: what an article is made of. */
function proseLines(blocks: Block[]): string[] {
  return blocks.filter((b) => b.kind !== "heading").flatMap(blockTexts).filter(isProse);
}

/** Words in the article's prose lines. */
export function proseWords(blocks: Block[]): number {
  return proseLines(blocks).reduce((n, text) => n + wordCount(text), 0);
}

function proseChars(blocks: Block[]): number {
  return proseLines(blocks).reduce((n, text) => n + text.length, 0);
}

/** Whether the block at `i` reads as more of the article: a sentence, a list of them, or a heading over a sentence. */
function continuesArticle(scope: Block[], i: number): boolean {
  const block = scope[i]!;
  if (block.kind === "paragraph") return isFullSentence(block.text);
  if (block.kind === "list") return block.items.filter(isProse).length * 2 >= block.items.length;
  let j = i;
  while (scope[j]?.kind === "heading") j++;
  const next = scope[j];
  return next !== undefined && next.kind === "paragraph" && isFullSentence(next.text);
}

type ToBlocks = (html: string) => Block[];

/** The landmark with the most prose, when it holds at least half of the page's. */
function landmark(document: Document, pageProse: number, toBlocks: ToBlocks): { el: Element; blocks: Block[] } | null {
  let best: { el: Element; blocks: Block[]; prose: number } | null = null;
  for (const el of Array.from(document.querySelectorAll('main, [role="main"]'))) {
    const blocks = toBlocks(el.innerHTML);
    const prose = proseWords(blocks);
    if (!best || prose > best.prose) best = { el, blocks, prose };
  }
  return best && best.prose > 0 && best.prose >= LANDMARK_MIN_SHARE * pageProse ? best : null;
}

/** Readability over the scope's HTML alone (with the page's head): the lines it keeps, or null when it finds nothing. */
function readability(headHtml: string, scopeHtml: string, minChars: number, toBlocks: ToBlocks): { lines: string[] | null; title: string | null } {
  const { document } = parseHTML(`<!doctype html><html><head>${headHtml}</head><body>${scopeHtml}</body></html>`);
  const article = new Readability(document, { charThreshold: Math.max(1, Math.round(minChars)) }).parse();
  const title = article?.title?.trim() || null;
  const lines = article?.content ? toBlocks(article.content).flatMap(blockTexts) : [];
  return { lines: lines.length > 0 ? lines : null, title };
}

/**
 * The scope's blocks inside Readability's extent; null when Readability kept
 * none of them (or only lines that occur more than once, which cannot anchor).
 */
function withinExtent(scope: Block[], kept: string[]): Block[] | null {
  const keptKeys = new Set(kept.map(lineKey));
  const occurrences = new Map<string, number>();
  for (const text of scope.flatMap(blockTexts)) occurrences.set(lineKey(text), (occurrences.get(lineKey(text)) ?? 0) + 1);
  const anchored = (b: Block) => blockTexts(b).some((t) => keptKeys.has(lineKey(t)) && occurrences.get(lineKey(t)) === 1);
  let first = scope.findIndex(anchored);
  if (first < 0) return null;
  let last = scope.length - 1;
  while (!anchored(scope[last]!)) last--;
  // Sentences right next to the kept text belong to it (a lead paragraph in its own CMS field, a closing note).
  while (first > 0 && scope[first - 1]!.kind === "paragraph" && isFullSentence((scope[first - 1] as { text: string }).text)) first--;
  // After it, whole sections too (an FAQ module after the post body): headings that head sentences, and lists of sentences.
  // A bare paragraph after the end is not taken: a side column's blurb comes next in reading order too.
  if (scope[last + 1]?.kind === "heading") while (last + 1 < scope.length && continuesArticle(scope, last + 1)) last++;
  // A heading Readability kept keeps the text under it (a collapsed accordion panel it judged hidden).
  if (scope[last]!.kind === "heading") while (last + 1 < scope.length && scope[last + 1]!.kind !== "heading") last++;
  const out: Block[] = [];
  for (const block of scope.slice(first, last + 1)) {
    if (block.kind === "heading" || block.kind === "list") out.push(block);
    else if (keptKeys.has(lineKey(block.text)) || isProse(block.text)) out.push(block);
  }
  return out;
}

/**
 * The article's blocks from a page whose chrome elements are already gone.
 * `toBlocks` turns HTML into blocks (turndown + markdown-blocks).
 */
export function extractMainContent(document: Document, toBlocks: ToBlocks): MainContent {
  const page = toBlocks(document.body?.innerHTML ?? "");
  const main = landmark(document, proseWords(page), toBlocks);
  const scope = main ? main.blocks : page;
  const scopeName = main ? `<${main.el.tagName.toLowerCase()}>` : "the page";
  const scopeProse = proseWords(scope);
  const scopeHtml = main ? main.el.innerHTML : (document.body?.innerHTML ?? "");
  const { lines, title } = readability(document.head?.innerHTML ?? "", scopeHtml, ARTICLE_MIN_SHARE * proseChars(scope), toBlocks);
  const extent = lines ? withinExtent(scope, lines) : null;
  if (extent && proseWords(extent) >= ARTICLE_MIN_SHARE * scopeProse) {
    return { blocks: extent, title, note: null };
  }
  const share = extent && scopeProse > 0 ? Math.round((100 * proseWords(extent)) / scopeProse) : 0;
  return { blocks: scope, title, note: `kept all of ${scopeName}: the main-content extractor found only ${share}% of its text (check for site chrome)` };
}
