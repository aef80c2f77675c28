/**
 * Plain-text page captures (what "save as text" or a copy from the browser
 * gives) → blocks. Text has no markup, so structure is inferred:
 *
 * - Blank lines separate blocks. A block of several lines that are all at most
 *   80 characters, some of them 60 or more, is a hard-wrapped paragraph and is
 *   joined; otherwise every line is its own block (captures usually put one
 *   paragraph per line).
 * - Lines starting with a bullet (`-`, `*`, `•`, …) or a number (`1.`, `2)`)
 *   are list items; consecutive items of one kind form one list.
 * - A heading is a short line (≤ 14 words) without final punctuation that is
 *   followed by more text. Its level is decided later (`structure.ts`).
 * - A one-item list whose item is a question and which is followed by a
 *   paragraph is an FAQ entry ("1. Is it safe?" / answer): a question heading.
 */
import { cleanLine, looksLikeHeading, parseListLine } from "./lines.js";
import type { Block, RawDocument } from "./model.js";

interface Unit {
  text: string;
  list: { ordered: boolean } | null;
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const longest = Math.max(...lines.map((l) => l.length));
  return longest <= 80 && longest >= 60;
}

function toUnits(content: string): Unit[] {
  const groups: string[][] = [];
  let group: string[] = [];
  for (const raw of content.split(/\r\n|\r|\n/)) {
    const line = cleanLine(raw);
    if (line) {
      group.push(line);
    } else if (group.length > 0) {
      groups.push(group);
      group = [];
    }
  }
  if (group.length > 0) groups.push(group);

  const units: Unit[] = [];
  for (const lines of groups) {
    const wrapped = isHardWrapped(lines);
    let previous: Unit | null = null;
    for (const line of lines) {
      const item = parseListLine(line);
      if (item) {
        previous = { text: item.text, list: { ordered: item.ordered } };
        units.push(previous);
      } else if (wrapped && previous) {
        previous.text = `${previous.text} ${line}`;
      } else {
        previous = { text: line, list: null };
        units.push(previous);
      }
    }
  }
  return units;
}

export function readText(content: string, source: string): RawDocument {
  const units = toUnits(content);
  const blocks: Block[] = [];
  units.forEach((unit, i) => {
    const last = blocks[blocks.length - 1];
    if (unit.list) {
      if (last?.kind === "list" && last.ordered === unit.list.ordered && units[i - 1]?.list) last.items.push(unit.text);
      else blocks.push({ kind: "list", ordered: unit.list.ordered, items: [unit.text] });
    } else if (i + 1 < units.length && looksLikeHeading(unit.text)) {
      blocks.push({ kind: "heading", text: unit.text, level: null });
    } else {
      blocks.push({ kind: "paragraph", text: unit.text });
    }
  });
  const withQuestions = blocks.map((block, i): Block => {
    const next = blocks[i + 1];
    if (block.kind === "list" && block.items.length === 1 && /\?$/.test(block.items[0]!) && next?.kind === "paragraph") {
      return { kind: "heading", text: block.items[0]!, level: null, question: true };
    }
    return block;
  });
  return { source, format: "text", title: null, url: null, siteName: null, blocks: withQuestions };
}
