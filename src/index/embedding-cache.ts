/**
 * Embeddings of chunk texts kept across rebuilds, keyed by a hash of the
 * exact text embedded: re-indexing after editing one article re-embeds only
 * that article's chunks. One file in the index dir: a length-prefixed JSON
 * header (embedder, dimensions, keys) then the vectors as float32.
 *
 * A cache that is missing, from another embedder, or damaged in any way is
 * ignored (everything is re-embedded); it can make a build faster, never wrong.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

export const EMBEDDING_CACHE_FILE = "embeddings.cache";

const HeaderSchema = z
  .object({
    version: z.literal(1),
    embedderId: z.string(),
    dimensions: z.number().int().positive(),
    keys: z.array(z.string().regex(/^[a-f0-9]{64}$/)),
  })
  .strict();

export interface EmbedderIdentity {
  id: string;
  dimensions: number;
}

export function embeddingKey(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export async function loadEmbeddingCache(dir: string, embedder: EmbedderIdentity): Promise<Map<string, number[]>> {
  const empty = new Map<string, number[]>();
  let data: Buffer;
  try {
    data = await readFile(path.join(dir, EMBEDDING_CACHE_FILE));
  } catch {
    return empty;
  }
  if (data.length < 4) return empty;
  const headerLength = data.readUInt32LE(0);
  if (4 + headerLength > data.length) return empty;
  let header: z.infer<typeof HeaderSchema>;
  try {
    const parsed = HeaderSchema.safeParse(JSON.parse(data.subarray(4, 4 + headerLength).toString("utf8")));
    if (!parsed.success) return empty;
    header = parsed.data;
  } catch {
    return empty;
  }
  if (header.embedderId !== embedder.id || header.dimensions !== embedder.dimensions) return empty;
  const body = data.subarray(4 + headerLength);
  if (body.length !== header.keys.length * header.dimensions * 4) return empty;
  // Copy out of the Buffer's (possibly unaligned) memory before reading floats.
  const floats = new Float32Array(new Uint8Array(body).buffer);
  const cache = new Map<string, number[]>();
  header.keys.forEach((key, i) => {
    const v = Array.from(floats.subarray(i * header.dimensions, (i + 1) * header.dimensions));
    if (v.every(Number.isFinite)) cache.set(key, v);
  });
  return cache;
}

/** Writes exactly `entries` (so entries of deleted chunks do not pile up), atomically. */
export async function saveEmbeddingCache(dir: string, embedder: EmbedderIdentity, entries: Map<string, number[]>): Promise<void> {
  const keys = [...entries.keys()];
  const header = Buffer.from(JSON.stringify({ version: 1, embedderId: embedder.id, dimensions: embedder.dimensions, keys }), "utf8");
  const floats = new Float32Array(keys.length * embedder.dimensions);
  keys.forEach((k, i) => floats.set(entries.get(k)!, i * embedder.dimensions));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(header.length, 0);
  const file = path.join(dir, EMBEDDING_CACHE_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, Buffer.concat([prefix, header, Buffer.from(floats.buffer)]));
  await rename(tmp, file);
}
