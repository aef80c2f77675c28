/**
 * Embeddings are cached per chunk text across rebuilds: editing one article
 * re-embeds only its chunks, the index is the same as a cold build, and a
 * damaged or foreign cache is ignored rather than trusted.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IdentifiedEmbeddings } from "../../../src/embed/types.js";
import { buildIndex } from "../../../src/index/build.js";
import { EMBEDDING_CACHE_FILE, loadEmbeddingCache } from "../../../src/index/embedding-cache.js";
import { loadIndex } from "../../../src/index/store.js";
import { writeMadeUpCorpus } from "../../helpers/made-up-corpus.js";

/** Deterministic letter-count vectors; records every text it is asked to embed. */
class CountingEmbeddings extends Embeddings {
  embedded: string[] = [];
  constructor() {
    super({});
  }
  private embed(text: string): number[] {
    const v = new Array<number>(26).fill(0);
    for (const ch of text.toLowerCase()) if (ch >= "a" && ch <= "z") v[ch.charCodeAt(0) - 97]! += 1;
    return v;
  }
  async embedDocuments(texts: string[]) {
    this.embedded.push(...texts);
    return texts.map((t) => this.embed(t));
  }
  async embedQuery(text: string) {
    return this.embed(text);
  }
}

const ARTICLES = ["knee", "shoulder", "ankle"].map((part) => ({
  id: `${part}-rehab`,
  title: `${part} rehab`,
  body: `## Exercises\n\nGentle ${part} stretches start in the first week and build up slowly.\n\n## Visits\n\nMost ${part} patients come twice a week for six weeks.`,
}));

describe("embedding cache across rebuilds", () => {
  let corpusDir: string;
  let indexDir: string;
  let counting: CountingEmbeddings;
  let embedder: IdentifiedEmbeddings;
  const build = (e = embedder) =>
    buildIndex({ articlesDir: path.join(corpusDir, "articles"), promotionalFiles: [path.resolve("corpus/defaults/promotional.yaml")], indexDir, embedder: e });

  beforeEach(async () => {
    corpusDir = await writeMadeUpCorpus(ARTICLES);
    indexDir = path.join(corpusDir, "index");
    counting = new CountingEmbeddings();
    embedder = { id: "test:letters", dimensions: 26, embeddings: counting };
  });
  afterEach(async () => {
    await rm(corpusDir, { recursive: true, force: true });
  });

  it("re-embeds only the chunks of an edited article, and the index matches a cold build", async () => {
    const first = await build();
    expect(counting.embedded).toHaveLength(first.manifest.indexedChunkCount);
    counting.embedded = [];

    const file = path.join(corpusDir, "articles", "ankle-rehab.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("six weeks", "eight weeks"));
    const second = await build();
    expect(second.status).toBe("built");
    expect(counting.embedded).toHaveLength(1);
    expect(counting.embedded[0]).toContain("eight weeks");

    const warm = await loadIndex(indexDir, { embedderId: embedder.id, dimensions: 26 });
    const coldDir = path.join(corpusDir, "cold");
    await buildIndex({ articlesDir: path.join(corpusDir, "articles"), promotionalFiles: [path.resolve("corpus/defaults/promotional.yaml")], indexDir: coldDir, embedder });
    const cold = await loadIndex(coldDir, { embedderId: embedder.id, dimensions: 26 });
    expect(warm.store.vectorLabels).toEqual(cold.store.vectorLabels);
    const query = new Array<number>(26).fill(1);
    expect(warm.vectors.searchKnn(query, 3)).toEqual(cold.vectors.searchKnn(query, 3));
  });

  it("keeps only the embeddings of chunks that still exist", async () => {
    await build();
    await rm(path.join(corpusDir, "articles", "ankle-rehab.md"));
    const after = await build();
    const cache = await loadEmbeddingCache(indexDir, embedder);
    expect(cache.size).toBe(after.manifest.indexedChunkCount);
  });

  it("ignores a damaged cache or one from another embedder, and still builds", async () => {
    const first = await build();
    const n = first.manifest.indexedChunkCount;
    const cacheFile = path.join(indexDir, EMBEDDING_CACHE_FILE);
    const bytes = await readFile(cacheFile);
    await writeFile(cacheFile, bytes.subarray(0, bytes.length - 7));
    counting.embedded = [];
    await buildIndex({ articlesDir: path.join(corpusDir, "articles"), promotionalFiles: [path.resolve("corpus/defaults/promotional.yaml")], indexDir, embedder, force: true });
    expect(counting.embedded).toHaveLength(n);

    const other = new CountingEmbeddings();
    await build({ id: "test:other", dimensions: 26, embeddings: other });
    expect(other.embedded).toHaveLength(n);
    expect((await loadEmbeddingCache(indexDir, { id: "test:letters", dimensions: 26 })).size).toBe(0);
  });
});
