/**
 * Writes the portable edge index (src/index/edge.ts) from the on-disk index
 * and the clinic's files (defaults plus the clinic's additions). Runs in `npm run index`; the Worker bundles
 * the result. Node-only (reads files, opens hnswlib).
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { clinicFiles } from "../clinic-files.js";
import type { Config } from "../config.js";
import { readLexiconFiles } from "../retrieve/lexicon.js";
import { readClinicSafetyRules } from "../route/rule-overrides.js";
import { EDGE_INDEX_SCHEMA_VERSION, isRemoteEmbedder, loadEdgeIndex, type EdgeIndex } from "./edge.js";
import type { ExpectedIndex } from "./manifest.js";
import { loadIndex } from "./store.js";

/** Where `npm run index` writes the clinic's edge index (`<DATA_DIR>/edge/index.json`); `npm run build:worker` bundles it. */
export const edgeIndexFile = (config: Pick<Config, "paths">) => config.paths.edgeIndexFile;

/**
 * The one file the Worker bundles (wrangler.toml's `edge-index` alias): a copy
 * of the configured clinic's edge index, so wrangler.toml names no clinic.
 */
export const EDGE_INDEX_BUNDLE = "dist/edge-index.json";

export interface EdgeIndexSummary {
  file: string;
  bytes: number;
  gzipBytes: number;
  chunks: number;
  /** Whether chunk vectors were included (remote embedders only). */
  vectors: boolean;
}

export async function writeEdgeIndex(config: Config, expected: ExpectedIndex): Promise<EdgeIndexSummary> {
  const index = await loadIndex(config.paths.indexDir, expected);
  const files = clinicFiles(config.paths);
  const remote = isRemoteEmbedder(index.manifest.embedder.id);
  const edge: EdgeIndex = {
    schemaVersion: EDGE_INDEX_SCHEMA_VERSION,
    builtAt: new Date().toISOString(),
    corpusHash: index.manifest.corpusHash,
    articles: index.store.articles,
    chunks: index.store.chunks,
    bm25: index.bm25.toJSON() as unknown as Record<string, unknown>,
    // Defaults and the clinic's additions, already merged: the Worker compiles what Node compiles.
    lexicon: readLexiconFiles(files.lexicon),
    safety: readClinicSafetyRules(files.safety),
    topic: index.topicData,
    clinic: config.clinic,
    vectors: remote
      ? {
          embedderId: index.manifest.embedder.id,
          dimensions: index.manifest.embedder.dimensions,
          entries: index.store.vectorLabels.map((chunkId, label) => ({ chunkId, vector: index.vectors.getPoint(label) })),
        }
      : null,
  };
  // Round-trip before writing: a file the Worker cannot load must never be bundled.
  loadEdgeIndex(JSON.parse(JSON.stringify(edge)));
  const json = JSON.stringify(edge);
  const file = edgeIndexFile(config);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, json);
  await rename(tmp, file);
  const bytes = Buffer.byteLength(json);
  return { file, bytes, gzipBytes: gzipSync(json).length, chunks: edge.chunks.length, vectors: remote };
}
