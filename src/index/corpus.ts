/**
 * Corpus → chunks, and the corpus hash that decides whether an index is stale.
 * Pure apart from reading the corpus files.
 */
import { createHash } from "node:crypto";
import { approvedArticles, CorpusError, loadArticles } from "../ingest/load-articles.js";
import { chunkArticle, collapseNearDuplicates, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from "../ingest/chunk.js";
import { createPromoMatcher, loadPromoPatterns, PROMO_CLASSIFIER_VERSION, type PromoRules } from "../ingest/promotional.js";
import type { Article, Chunk } from "../types.js";
import { INDEX_SCHEMA_VERSION } from "./manifest.js";

export interface CorpusPaths {
  articlesDir: string;
  /** The defaults' call-to-action patterns, then the clinic's own (src/clinic-files.ts). */
  promotionalFiles: readonly string[];
}

export interface PreparedCorpus {
  articles: Article[];
  chunks: Chunk[];
  duplicateChunksDropped: number;
  corpusHash: string;
}

/** Everything that changes the chunks goes into the hash: articles, CTA patterns, chunking options, schema. */
export function hashCorpus(articles: Article[], promo: PromoRules, options: ChunkOptions): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ schema: INDEX_SCHEMA_VERSION, classifier: PROMO_CLASSIFIER_VERSION, options, promo }));
  for (const a of [...articles].sort((x, y) => x.id.localeCompare(y.id))) {
    h.update(JSON.stringify([a.id, a.title, a.publisher, a.reviewed, a.url, a.body]));
  }
  return h.digest("hex");
}

export function chunkCorpus(articles: Article[], promo: PromoRules, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS) {
  const matcher = createPromoMatcher(promo, articles.map((a) => a.publisher));
  const all = articles.flatMap((a) => chunkArticle(a, matcher, options));
  return collapseNearDuplicates(all, options.duplicateThreshold);
}

export async function prepareCorpus(paths: CorpusPaths, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Promise<PreparedCorpus> {
  const articles = approvedArticles(await loadArticles(paths.articlesDir));
  // An index without articles would start, pass /readyz and answer "I don't have that information" to everything.
  if (articles.length === 0) {
    throw new CorpusError(
      `No approved articles in ${paths.articlesDir}: every question would get "I don't have that information". Fix: add articles with \`status: approved\` in their front-matter, then run \`npm run index\`.`,
    );
  }
  const promo = await loadPromoPatterns(paths.promotionalFiles);
  const { kept, dropped } = chunkCorpus(articles, promo, options);
  if (!kept.some((c) => !c.promotional)) {
    throw new CorpusError(
      `Every passage of the approved articles in ${paths.articlesDir} is promotional (${paths.promotionalFiles.join(" + ")}): nothing could be used as an answer. Fix: check the promotional patterns.`,
    );
  }
  return { articles, chunks: kept, duplicateChunksDropped: dropped, corpusHash: hashCorpus(articles, promo, options) };
}

/** Only the hash, for the cheap "is the index up to date?" check at startup. */
export async function currentCorpusHash(paths: CorpusPaths, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Promise<string> {
  const articles = approvedArticles(await loadArticles(paths.articlesDir));
  return hashCorpus(articles, await loadPromoPatterns(paths.promotionalFiles), options);
}
