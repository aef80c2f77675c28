/**
 * The English Hunspell dictionary (nspell + dictionary-en) that tells real
 * words from typos. Node-only: dictionary-en reads its files from disk, so the
 * Worker does not import this and repairs typos against the corpus alone.
 * Building it takes about 0.3 s, so it is built once per process and shared.
 */
import type { WordChecker } from "./spelling.js";

let shared: Promise<WordChecker> | null = null;

export function loadEnglishDictionary(): Promise<WordChecker> {
  shared ??= (async () => {
    const [{ default: nspell }, { default: dictionary }] = await Promise.all([import("nspell"), import("dictionary-en")]);
    // dictionary-en types its files as Uint8Array; nspell's types want Buffer (same bytes).
    return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  })().catch((err: unknown) => {
    shared = null;
    throw err;
  });
  return shared;
}
