/** Small text predicates shared by the plain-text reader and the chrome rules. */

/** NBSP and other odd spaces become plain spaces; zero-width characters go. */
export function cleanLine(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** A DOM node's visible text as one clean line (any run of whitespace, newlines included, is one space). */
export function elementText(node: { textContent: string | null }): string {
  return cleanLine((node.textContent ?? "").replace(/\s+/g, " "));
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Lowercase words without punctuation: the key for comparing lines. */
export function lineKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const MAX_HEADING_WORDS = 14;
const MAX_HEADING_CHARS = 110;

/**
 * A line that could be a heading: short, starts with a capital or digit, and
 * does not end like a sentence (a question mark is allowed: "Is it safe?").
 */
export function looksLikeHeading(text: string): boolean {
  if (!text || text.length > MAX_HEADING_CHARS || wordCount(text) === 0 || wordCount(text) > MAX_HEADING_WORDS) return false;
  if (/[.,;:!…]$/.test(text)) return false;
  return /^[\p{Lu}\p{N}“"'‘(]/u.test(text);
}

/** `- item`, `• item`, `1. item`, `2) item` → marker kind and text. */
export function parseListLine(line: string): { ordered: boolean; text: string } | null {
  const m = /^(?:([-*•·▪◦‣●○■□–])|(\d{1,3})[.)])\s+(\S.*)$/u.exec(line);
  if (!m) return null;
  return { ordered: m[2] !== undefined, text: m[3]!.trim() };
}
