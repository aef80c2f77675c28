/**
 * Writes and reads the on-disk index: hnswlib vectors, MiniSearch BM25 JSON,
 * the chunk store and the manifest. Reads verify every file against the
 * manifest's hashes before anything is parsed or handed to the native addon.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type MiniSearch from "minisearch";
import { z } from "zod";
import { compileTopic, TopicDataSchema, type Topic, type TopicData } from "../route/topic.js";
import type { Chunk } from "../types.js";
import { loadBm25, type Bm25Doc } from "./bm25.js";
import { ChunkStoreSchema, type ChunkStore } from "./chunk-schema.js";
import { INDEX_FILES, IndexError, ManifestSchema, manifestMismatch, REBUILD_FIX, type ExpectedIndex, type IndexManifest } from "./manifest.js";

const { HierarchicalNSW } = hnswlib;
export type VectorIndex = InstanceType<typeof HierarchicalNSW>;

export type { ChunkStore };

export interface LoadedIndex {
  manifest: IndexManifest;
  store: ChunkStore;
  chunksById: Map<string, Chunk>;
  vectors: VectorIndex;
  bm25: MiniSearch<Bm25Doc>;
  /** What the corpus is about, as stored (for the edge index) and compiled (for the router). */
  topicData: TopicData;
  topic: Topic;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

export interface IndexArtifacts {
  store: ChunkStore;
  vectors: VectorIndex;
  bm25Json: string;
  topic: TopicData;
  manifest: Omit<IndexManifest, "files">;
}

/** Writes data files first and the manifest last: a crash mid-write leaves hashes that do not match. */
export async function writeIndex(dir: string, artifacts: IndexArtifacts): Promise<IndexManifest> {
  await mkdir(dir, { recursive: true });
  await rm(path.join(dir, INDEX_FILES.manifest), { force: true });
  const vectorsTmp = path.join(dir, `${INDEX_FILES.vectors}.tmp-${process.pid}`);
  await artifacts.vectors.writeIndex(vectorsTmp);
  await rename(vectorsTmp, path.join(dir, INDEX_FILES.vectors));
  const chunksJson = JSON.stringify(artifacts.store);
  await writeAtomic(path.join(dir, INDEX_FILES.chunks), chunksJson);
  await writeAtomic(path.join(dir, INDEX_FILES.bm25), artifacts.bm25Json);
  const topicJson = JSON.stringify(artifacts.topic);
  await writeAtomic(path.join(dir, INDEX_FILES.topic), topicJson);
  const manifest: IndexManifest = {
    ...artifacts.manifest,
    files: {
      vectors: sha256(await readFile(path.join(dir, INDEX_FILES.vectors))),
      chunks: sha256(chunksJson),
      bm25: sha256(artifacts.bm25Json),
      topic: sha256(topicJson),
    },
  };
  await writeAtomic(path.join(dir, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Reads only the manifest; null when there is none. Throws IndexError when it is unreadable. */
export async function readManifest(dir: string): Promise<IndexManifest | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, INDEX_FILES.manifest), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new IndexError(`Cannot read the index manifest in ${dir}: ${(err as Error).message}`, REBUILD_FIX);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new IndexError(`The index manifest ${path.join(dir, INDEX_FILES.manifest)} is corrupt (not valid JSON).`, REBUILD_FIX);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const schemaVersion = (json as { schemaVersion?: unknown })?.schemaVersion;
    const why = typeof schemaVersion === "number" ? `it has schema version ${schemaVersion}` : "its fields do not match";
    throw new IndexError(`The index manifest in ${dir} is not one this version can read (${why}).`, REBUILD_FIX);
  }
  return parsed.data;
}

async function readVerified(dir: string, name: string, expectedHash: string): Promise<Buffer> {
  const file = path.join(dir, name);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new IndexError(`The index file ${file} is missing.`, REBUILD_FIX);
  }
  if (sha256(data) !== expectedHash) {
    throw new IndexError(`The index file ${file} is truncated or corrupt (its checksum does not match the manifest).`, REBUILD_FIX);
  }
  return data;
}

/** Loads and verifies an index. Never returns a partially valid index. */
export async function loadIndex(dir: string, expected: ExpectedIndex): Promise<LoadedIndex> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new IndexError(`No index found in ${dir}.`, "run `npm run index` (or `npm start`, which builds it when missing).");
  const mismatch = manifestMismatch(manifest, expected);
  if (mismatch) {
    const fix =
      manifest.embedder.id !== expected.embedderId
        ? `run \`npm run index -- --force\` with the same EMBEDDER setting as the server, or set EMBEDDER back to the one the index was built with (${manifest.embedder.id}).`
        : REBUILD_FIX;
    throw new IndexError(`The index in ${dir} cannot be used: ${mismatch}.`, fix);
  }

  const chunksRaw = await readVerified(dir, INDEX_FILES.chunks, manifest.files.chunks);
  const bm25Raw = await readVerified(dir, INDEX_FILES.bm25, manifest.files.bm25);
  const topicRaw = await readVerified(dir, INDEX_FILES.topic, manifest.files.topic);
  await readVerified(dir, INDEX_FILES.vectors, manifest.files.vectors);

  const storeParsed = ChunkStoreSchema.safeParse(JSON.parse(chunksRaw.toString("utf8")));
  if (!storeParsed.success) throw new IndexError(`The chunk store in ${dir} does not match this version's format.`, REBUILD_FIX);
  const store = storeParsed.data;
  const topicParsed = TopicDataSchema.safeParse(JSON.parse(topicRaw.toString("utf8")));
  if (!topicParsed.success) throw new IndexError(`The topic file in ${dir} does not match this version's format.`, REBUILD_FIX);
  if (store.chunks.length !== manifest.chunkCount || store.vectorLabels.length !== manifest.indexedChunkCount) {
    throw new IndexError(`The index in ${dir} is inconsistent (chunk counts differ from the manifest).`, REBUILD_FIX);
  }

  const vectors = new HierarchicalNSW("cosine", manifest.embedder.dimensions);
  await vectors.readIndex(path.join(dir, INDEX_FILES.vectors));
  if (vectors.getCurrentCount() !== manifest.indexedChunkCount) {
    throw new IndexError(`The vector index in ${dir} holds ${vectors.getCurrentCount()} vectors, the manifest says ${manifest.indexedChunkCount}.`, REBUILD_FIX);
  }
  vectors.setEf(Math.max(50, Math.min(200, manifest.indexedChunkCount)));
  const bm25 = loadBm25(bm25Raw.toString("utf8"));
  return { manifest, store, chunksById: new Map(store.chunks.map((c) => [c.id, c])), vectors, bm25, topicData: topicParsed.data, topic: compileTopic(topicParsed.data) };
}
