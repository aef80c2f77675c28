/**
 * Writes the portable edge index (src/index/edge.ts) from the on-disk index
 * and the corpus config files. Runs in `npm run index`; the Worker bundles
 * the result. Node-only (reads files, opens hnswlib).
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";
import type { Config } from "../config.js";
import { readSafetyRuleFiles } from "../route/rules.js";
import { EDGE_INDEX_SCHEMA_VERSION, isRemoteEmbedder, loadEdgeIndex, type EdgeIndex } from "./edge.js";
import type { ExpectedIndex } from "./manifest.js";
import { loadIndex } from "./store.js";

/** Where the Worker (src/worker.ts) imports the edge index from. */
export const edgeIndexFile = (config: Pick<Config, "paths">) => path.join(config.paths.dataDir, "edge", "index.json");

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
  const lexiconFile = path.join(config.paths.corpusDir, "lexicon.yaml");
  const remote = isRemoteEmbedder(index.manifest.embedder.id);
  const edge: EdgeIndex = {
    schemaVersion: EDGE_INDEX_SCHEMA_VERSION,
    builtAt: new Date().toISOString(),
    corpusHash: index.manifest.corpusHash,
    articles: index.store.articles,
    chunks: index.store.chunks,
    bm25: index.bm25.toJSON() as unknown as Record<string, unknown>,
    lexicon: parseYaml(await readFile(lexiconFile, "utf8")),
    safety: readSafetyRuleFiles(path.join(config.paths.corpusDir, "safety")),
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
