/** The real corpus reference (approved articles + clinic texts), for scoring tests. */
import path from "node:path";
import { loadClinic } from "../../../src/config.js";
import { buildCorpusReference } from "../../../src/eval/corpus-reference.js";
import { loadArticles } from "../../../src/ingest/load-articles.js";

const corpus = path.resolve(import.meta.dirname, "../../../corpus/ketamine-pain");

export async function loadReference() {
  return buildCorpusReference(await loadArticles(path.join(corpus, "articles")), loadClinic(path.join(corpus, "clinic.yaml")));
}
