/**
 * Text primitives shared by ingest, the answerer, the verifier and the evals.
 * "Verbatim corpus text" everywhere means: equal after `normalizeWhitespace`
 * to a span of `stripMarkdown(article.body)`.
 */

/** Collapses every run of whitespace (including NBSP) to one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, " ").trim();
}

const HEADING = /^\s{0,3}#{1,6}\s+/;
const BULLET = /^\s*[-*+•]\s+/;
const ORDERED = /^\s*\d{1,3}[.)]\s+/;

/** Removes list markers and heading hashes from one Markdown line. */
export function stripLineMarkup(line: string): string {
  return line.replace(HEADING, "").replace(BULLET, "").replace(ORDERED, "");
}

export function isHeadingLine(line: string): boolean {
  return HEADING.test(line);
}

export function isListItemLine(line: string): boolean {
  return BULLET.test(line) || ORDERED.test(line);
}

/**
 * Plain article text as a patient reads it: headings and list markers removed,
 * one block (paragraph, heading or list item) per line.
 */
export function stripMarkdown(body: string): string {
  return body
    .split(/\r?\n/)
    .map((line) => normalizeWhitespace(stripLineMarkup(line)))
    .filter((line) => line.length > 0)
    .join("\n");
}

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set(["dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "approx", "no", "jr", "sr", "prof"]);

/**
 * Splits one block of prose into sentences. Never merges across lines: a list
 * item or paragraph boundary always ends a sentence.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n+/)) {
    const line = normalizeWhitespace(block);
    if (!line) continue;
    let start = 0;
    const boundary = /([.!?]+)(["”’)\]]*)\s+(?=["“‘(\[]?[A-Z0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = boundary.exec(line)) !== null) {
      const end = m.index + m[1]!.length + m[2]!.length;
      const candidate = line.slice(start, end);
      const lastWord = (candidate.slice(0, -m[1]!.length - m[2]!.length).split(" ").pop() ?? "").replace(/^[^\p{L}]+/u, "");
      // "No." abbreviates only before a number ("No. 5"); before a word it is an FAQ answer
      // ("No. Quinine is…"), a sentence of its own: quoted with the next one, it would answer
      // whatever the patient asked with the heading's "No".
      const answerNo = lastWord.toLowerCase() === "no" && !/^["“‘(\[]?\d/.test(line.slice(m.index + m[0].length));
      if (m[1] === "." && !answerNo && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^[A-Z]$/.test(lastWord))) continue;
      out.push(candidate.trim());
      start = end;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** A word: letters/digits, internal hyphens and apostrophes kept. */
const WORD_TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Word tokens as written (case kept, curly apostrophes straightened). */
export function casedWordTokens(text: string): string[] {
  return text.replace(/[’‘]/g, "'").match(WORD_TOKEN) ?? [];
}

/** Lower-cased word tokens (letters/digits, internal hyphens and apostrophes kept). */
export function wordTokens(text: string): string[] {
  return casedWordTokens(text.toLowerCase());
}

export function countWords(text: string): number {
  return wordTokens(text).length;
}
