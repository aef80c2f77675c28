/**
 * The chunk store's format, on its own so the Worker (src/index/edge.ts) can
 * validate chunks without importing the hnswlib-backed store.
 */
import { z } from "zod";

export const ChunkSchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    section: z.string().nullable(),
    sectionPath: z.array(z.string()),
    text: z.string(),
    listLines: z.array(z.number().int().nonnegative()),
    promotional: z.boolean(),
    ordinal: z.number().int(),
  })
  .strict();

export const ChunkStoreSchema = z
  .object({
    articles: z.array(z.object({ id: z.string(), title: z.string(), publisher: z.string(), reviewed: z.string(), url: z.string().nullable() }).strict()),
    chunks: z.array(ChunkSchema),
    /** Chunk id of each hnswlib label (label = array position). */
    vectorLabels: z.array(z.string()),
  })
  .strict();
export type ChunkStore = z.infer<typeof ChunkStoreSchema>;
