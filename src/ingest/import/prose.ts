/**
 * What counts as article prose in a saved page, for every step that weighs
 * one part of a page against another (main-content extent, marked chrome):
 * a line of sentence length that no chrome rule matches.
 */
import { lineChromeReason } from "./chrome.js";
import { wordCount } from "./lines.js";

/** A line of at least this many words is a sentence, not a label or a button. */
export const PROSE_MIN_WORDS = 6;

export function isProse(text: string): boolean {
  return wordCount(text) >= PROSE_MIN_WORDS && lineChromeReason(text) === null;
}

/** A paragraph that is a complete sentence: what must never be dropped without telling staff. */
export function isFullSentence(text: string): boolean {
  return isProse(text) && /[.!?]["”’)]?$/.test(text);
}
