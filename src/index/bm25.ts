/** The lexical index: MiniSearch (BM25+) over chunk text, section headings and title. */
import MiniSearch, { type Options } from "minisearch";
import type { Chunk } from "../types.js";
import { indexTerms, tokenize } from "../retrieve/terms.js";

export interface Bm25Doc {
  id: string;
  text: string;
  headings: string;
  title: string;
}

export const BM25_OPTIONS: Options<Bm25Doc> = {
  // No title field: a title boosts every passage of its article alike, which
  // ranks whole articles instead of the passage that answers.
  fields: ["text", "headings"],
  idField: "id",
  tokenize,
  processTerm: indexTerms,
  searchOptions: { boost: { text: 1, headings: 1.5 }, prefix: false, fuzzy: false },
};

export function toBm25Doc(chunk: Chunk): Bm25Doc {
  return { id: chunk.id, text: chunk.text, headings: chunk.sectionPath.join(" "), title: chunk.title };
}

export function buildBm25(chunks: Chunk[]): MiniSearch<Bm25Doc> {
  const index = new MiniSearch<Bm25Doc>(BM25_OPTIONS);
  index.addAll(chunks.map(toBm25Doc));
  return index;
}

export function loadBm25(json: string): MiniSearch<Bm25Doc> {
  return MiniSearch.loadJSON<Bm25Doc>(json, BM25_OPTIONS);
}
