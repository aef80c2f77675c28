/** The real corpus reference (approved articles + clinic texts), for scoring tests. */
import path from "node:path";
import { loadClinic } from "../../../src/config.js";
import { buildCorpusReference } from "../../../src/eval/corpus-reference.js";
import { loadArticles } from "../../../src/ingest/load-articles.js";
import { DEFAULT_VERIFY } from "../../../src/answer/verify.js";
import { verifierResources } from "../../../src/answer/claims/resources.js";
import { installedWordNet } from "../../../src/answer/claims/wordnet-files.js";
import { loadLexicon } from "../../../src/retrieve/lexicon.js";

const corpus = path.resolve(import.meta.dirname, "../../../corpus/ketamine-pain");

export async function loadReference() {
  const verify = { ...DEFAULT_VERIFY, resources: verifierResources(await loadLexicon(path.join(corpus, "lexicon.yaml")), installedWordNet()) };
  return buildCorpusReference(await loadArticles(path.join(corpus, "articles")), loadClinic(path.join(corpus, "clinic.yaml")), verify);
}
