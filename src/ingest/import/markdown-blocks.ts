/**
 * Turndown's Markdown → blocks. Only the forms our turndown configuration
 * emits are recognised (ATX headings, `-`/`1.` lists, paragraphs, quotes, rules);
 * nested list items are flattened into their list, and inline markup was
 * already reduced to plain text by the converter.
 */
import { cleanLine } from "./lines.js";
import type { Block } from "./model.js";

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const LIST_ITEM = /^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$/;
const RULE = /^\s*(?:\* \* \*|-{3,}|_{3,}|\*{3,})\s*$/;

/** Undo turndown's Markdown escaping (`1\.`, `\*`, `\_`, …) to get the plain text back. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!>~|=])/g, "$1");
}

export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { kind: "list" }> | null = null;
  const text = (s: string) => cleanLine(unescapeMarkdown(s));
  const flushParagraph = () => {
    const t = text(paragraph.join(" "));
    if (t) blocks.push({ kind: "paragraph", text: t });
    paragraph = [];
  };
  let blankBefore = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (!line.trim()) {
      flushParagraph();
      blankBefore = true;
      continue;
    }
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    if (heading) {
      flushParagraph();
      list = null;
      const t = text(heading[2]!);
      if (t) blocks.push({ kind: "heading", text: t, level: heading[1]!.length });
    } else if (RULE.test(line)) {
      flushParagraph();
      list = null;
    } else if (item) {
      flushParagraph();
      const ordered = item[2] !== undefined;
      const nested = item[1]!.length > 0;
      const t = text(item[3]!);
      if (list && (nested || list.ordered === ordered)) {
        if (t) list.items.push(t);
      } else {
        list = { kind: "list", ordered, items: t ? [t] : [] };
        blocks.push(list);
      }
    } else if (list && /^\s{2,}\S/.test(line)) {
      // Continuation of the last list item (a wrapped or multi-paragraph item).
      const last = list.items.length - 1;
      if (last >= 0) list.items[last] = text(`${list.items[last]} ${line}`);
    } else {
      if (list && blankBefore) list = null;
      if (list) {
        const last = list.items.length - 1;
        if (last >= 0) list.items[last] = text(`${list.items[last]} ${line}`);
      } else {
        paragraph.push(line.replace(/^\s*>\s?/, "").replace(/ {2}$/, ""));
      }
    }
    blankBefore = false;
  }
  flushParagraph();
  return blocks.filter((b) => b.kind !== "list" || b.items.length > 0);
}
