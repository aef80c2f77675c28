/**
 * Title and section structure of a cleaned document: pick the title, drop
 * its echoes at the top of the page, and give every heading a level
 * (## sections, ### subsections) in the corpus's convention.
 */
import { lineKey, looksLikeHeading } from "./lines.js";
import type { Block, Removal } from "./model.js";

const STOPWORDS = new Set("a an and are as at be by for from how in is it of on or the to what when where which who why with your you".split(" "));

function contentWords(text: string): string[] {
  return lineKey(text)
    .split(" ")
    .filter((w) => w && !STOPWORDS.has(w));
}

/**
 * A line at the top of the page that only repeats the title: the title
 * itself, "Title - Site name", or a shorter banner made of the title's words.
 */
export function isTitleEcho(text: string, title: string): boolean {
  const key = lineKey(text);
  const titleKey = lineKey(title);
  if (!key) return false;
  if (key === titleKey) return true;
  if (text.toLowerCase().startsWith(title.toLowerCase()) && /^\s*[-|–—:·•]\s/.test(text.slice(title.length))) return true;
  const titleWords = new Set(contentWords(title));
  const words = contentWords(text);
  return words.length > 0 && words.every((w) => titleWords.has(w));
}

export interface Structured {
  title: string | null;
  blocks: Block[];
  removed: Removal[];
}

/** `title` is the page's metadata title, or null to take the first heading (plain text, Word). */
export function structureDocument(blocks: Block[], title: string | null, source: string): Structured {
  let rest = blocks;
  if (title === null) {
    const topLevel = Math.min(...rest.filter((b) => b.kind === "heading" && b.level !== null).map((b) => (b as { level: number }).level));
    let at = rest.findIndex((b) => b.kind === "heading" && (b.level === null || b.level === topLevel));
    if (at < 0 && rest[0]?.kind === "paragraph" && looksLikeHeading(rest[0].text)) at = 0;
    if (at >= 0) {
      title = (rest[at] as { text: string }).text;
      rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    }
  }
  const removed: Removal[] = [];
  if (title !== null) {
    const kept: Block[] = [];
    let inHeader = true; // before the first paragraph or list
    for (const block of rest) {
      if (block.kind !== "heading" && !(block.kind === "paragraph" && looksLikeHeading(block.text))) inHeader = false;
      if (inHeader && block.kind !== "list" && isTitleEcho(block.text, title)) removed.push({ source, text: block.text, reason: "title repeated" });
      else kept.push(block);
    }
    rest = kept;
  }
  const leveled = withoutEmptyHeadings(assignHeadingLevels(rest));
  for (const b of leveled.removed) removed.push({ source, text: b, reason: "heading with no text under it" });
  return { title, blocks: leveled.blocks, removed };
}

/**
 * A heading followed by a heading of its own level or above (or by nothing)
 * heads no text: what was under it went as chrome ("More from our blog"
 * above a removed post list). Repeated, since removing one can empty the one above.
 */
export function withoutEmptyHeadings(blocks: Block[]): { blocks: Block[]; removed: string[] } {
  const removed: string[] = [];
  let current = blocks;
  for (;;) {
    const empty = current.findIndex((b, i) => {
      if (b.kind !== "heading") return false;
      const next = current[i + 1];
      return next === undefined || (next.kind === "heading" && (next.level ?? 2) <= (b.level ?? 2));
    });
    if (empty < 0) return { blocks: current, removed };
    removed.push((current[empty] as { text: string }).text);
    current = [...current.slice(0, empty), ...current.slice(empty + 1)];
  }
}

/**
 * Markup levels are shifted so the top section level is ##. Inferred levels
 * (plain text): a heading directly followed by another heading opens a
 * section with subsections, so it is ## and the headings after it are ###
 * until the next such pair; question headings sit one level under the
 * section they are in.
 */
export function assignHeadingLevels(blocks: Block[]): Block[] {
  const marked = blocks.filter((b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading" && b.level !== null);
  const shift = marked.length > 0 ? 2 - Math.min(...marked.map((b) => b.level!)) : 0;
  let nested = false;
  let sectionLevel = 1;
  return blocks.map((block, i) => {
    if (block.kind !== "heading") return block;
    let level: number;
    if (block.level !== null) {
      level = Math.min(6, Math.max(2, block.level + shift));
    } else if (block.question) {
      level = Math.min(4, sectionLevel + 1);
    } else {
      const next = blocks[i + 1];
      if (next?.kind === "heading" && next.level === null && !next.question) {
        nested = true;
        level = 2;
      } else {
        level = nested ? 3 : 2;
      }
    }
    if (!block.question) sectionLevel = level;
    return { kind: "heading", text: block.text, level };
  });
}
