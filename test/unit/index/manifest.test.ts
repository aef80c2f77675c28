import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildBm25 } from "../../../src/index/bm25.js";
import { INDEX_FILES, INDEX_SCHEMA_VERSION, IndexError, manifestMismatch, type IndexManifest } from "../../../src/index/manifest.js";
import { loadIndex, writeIndex } from "../../../src/index/store.js";
import type { Chunk } from "../../../src/types.js";

const chunk: Chunk = { id: "a#0", articleId: "a", title: "A", url: null, section: "S", sectionPath: ["S"], text: "Sessions last about an hour.", listLines: [], promotional: false, ordinal: 0 };
const expected = { embedderId: "test:embedder", dimensions: 3 };

async function writeSmallIndex(dir: string) {
  const vectors = new hnswlib.HierarchicalNSW("cosine", 3);
  vectors.initIndex(1);
  vectors.addPoint([1, 0, 0], 0);
  return writeIndex(dir, {
    store: { articles: [{ id: "a", title: "A", publisher: "P", reviewed: "2026-01-01", url: null }], chunks: [chunk], vectorLabels: ["a#0"] },
    vectors,
    bm25Json: JSON.stringify(buildBm25([chunk])),
    topic: { reference: "test", referenceTotal: 1000, corpusTotal: 3, terms: { session: [1, 0], last: [1, 500], hour: [1, 0] } },
    manifest: {
      schemaVersion: INDEX_SCHEMA_VERSION,
      embedder: { id: expected.embedderId, dimensions: 3 },
      corpusHash: "0".repeat(64),
      articleCount: 1,
      chunkCount: 1,
      indexedChunkCount: 1,
      promotionalChunkCount: 0,
      duplicateChunksDropped: 0,
      builtAt: new Date().toISOString(),
      buildMs: 1,
    },
  });
}

describe("manifestMismatch", () => {
  const manifest = { schemaVersion: INDEX_SCHEMA_VERSION, embedder: { id: "x", dimensions: 3 }, corpusHash: "a".repeat(64) } as IndexManifest;
  it("accepts a matching manifest", () => {
    expect(manifestMismatch(manifest, { embedderId: "x", dimensions: 3, corpusHash: "a".repeat(64) })).toBeNull();
  });
  it.each([
    [{ embedderId: "y", dimensions: 3 }, /embedder 'x'/],
    [{ embedderId: "x", dimensions: 4 }, /3-dimensional/],
    [{ embedderId: "x", dimensions: 3, corpusHash: "b".repeat(64) }, /corpus changed/],
  ])("names the mismatch %#", (exp, message) => {
    expect(manifestMismatch(manifest, exp)).toMatch(message);
  });
  it("flags another schema version", () => {
    expect(manifestMismatch({ ...manifest, schemaVersion: INDEX_SCHEMA_VERSION + 1 }, { embedderId: "x", dimensions: 3 })).toMatch(/schema version/);
  });
});

describe("loadIndex", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "faq-index-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads what writeIndex wrote", async () => {
    await writeSmallIndex(dir);
    const index = await loadIndex(dir, expected);
    expect(index.store.chunks).toEqual([chunk]);
    expect(index.vectors.getCurrentCount()).toBe(1);
    expect(index.bm25.search("hour").map((h) => h.id)).toEqual(["a#0"]);
    // "session" is rare in the reference, "last" common; "hour" frames questions in every clinic.
    expect([...index.topic.keyTerms]).toEqual(["session"]);
  });

  it("says how to build a missing index", async () => {
    await expect(loadIndex(dir, expected)).rejects.toThrow(/No index found[\s\S]*npm run index/);
  });

  it("refuses an index built by another embedder and names the fix", async () => {
    await writeSmallIndex(dir);
    const err = await loadIndex(dir, { embedderId: "other", dimensions: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(/embedder 'test:embedder'[\s\S]*Fix: .*npm run index -- --force/);
  });

  it.each([INDEX_FILES.vectors, INDEX_FILES.chunks, INDEX_FILES.bm25, INDEX_FILES.topic])("detects a truncated %s", async (name) => {
    await writeSmallIndex(dir);
    const file = path.join(dir, name);
    const data = await readFile(file);
    await writeFile(file, data.subarray(0, Math.floor(data.length / 2)));
    await expect(loadIndex(dir, expected)).rejects.toThrow(/truncated or corrupt[\s\S]*Fix:/);
  });

  it("detects a corrupt manifest", async () => {
    await writeSmallIndex(dir);
    await writeFile(path.join(dir, INDEX_FILES.manifest), "{not json");
    await expect(loadIndex(dir, expected)).rejects.toThrow(/manifest .* is corrupt[\s\S]*Fix:/);
  });

  it("detects a manifest from another schema", async () => {
    await writeSmallIndex(dir);
    const file = path.join(dir, INDEX_FILES.manifest);
    const m = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...m, schemaVersion: 1 }));
    await expect(loadIndex(dir, expected)).rejects.toThrow(/schema version 1[\s\S]*Fix:/);
  });
});
