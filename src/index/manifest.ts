import { z } from "zod";

/** Bump when the on-disk layout, the chunk format or the term analyzer (src/retrieve/terms.ts) changes: old indexes are then rebuilt, never misread. */
export const INDEX_SCHEMA_VERSION = 7;

export const INDEX_FILES = {
  manifest: "manifest.json",
  vectors: "vectors.hnsw",
  chunks: "chunks.json",
  bm25: "bm25.json",
  topic: "topic.json",
} as const;

export const ManifestSchema = z
  .object({
    schemaVersion: z.number().int(),
    embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }).strict(),
    corpusHash: z.string().regex(/^[a-f0-9]{64}$/),
    articleCount: z.number().int().nonnegative(),
    chunkCount: z.number().int().nonnegative(),
    /** Chunks in the vector/BM25 indexes (promotional chunks are stored, not indexed). */
    indexedChunkCount: z.number().int().nonnegative(),
    promotionalChunkCount: z.number().int().nonnegative(),
    duplicateChunksDropped: z.number().int().nonnegative(),
    builtAt: z.string(),
    buildMs: z.number().nonnegative(),
    /** sha256 of each data file, so truncation or corruption is caught before a native load. */
    files: z.object({ vectors: z.string(), chunks: z.string(), bm25: z.string(), topic: z.string() }).strict(),
  })
  .strict();
export type IndexManifest = z.infer<typeof ManifestSchema>;

/** Why an index cannot be served, with the command that fixes it. */
export class IndexError extends Error {
  override name = "IndexError";
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(`${message}\n  Fix: ${fix}`);
  }
}

export const REBUILD_FIX = "run `npm run index -- --force` to rebuild the index (or delete the index folder and run `npm start`).";

export interface ExpectedIndex {
  embedderId: string;
  dimensions: number;
  corpusHash?: string;
}

/** Compares a manifest with what the running server needs; returns the problem or null. */
export function manifestMismatch(manifest: IndexManifest, expected: ExpectedIndex): string | null {
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION) {
    return `the index was built with schema version ${manifest.schemaVersion}, this version of the assistant reads version ${INDEX_SCHEMA_VERSION}`;
  }
  if (manifest.embedder.id !== expected.embedderId) {
    return `the index was built with embedder '${manifest.embedder.id}', but the server is configured for '${expected.embedderId}' (EMBEDDER setting)`;
  }
  if (manifest.embedder.dimensions !== expected.dimensions) {
    return `the index holds ${manifest.embedder.dimensions}-dimensional vectors, but the embedder produces ${expected.dimensions}`;
  }
  if (expected.corpusHash !== undefined && manifest.corpusHash !== expected.corpusHash) {
    return "the corpus changed since the index was built";
  }
  return null;
}
