/**
 * Large index builds embed through the embedder's worker threads: several
 * batches at once, the same vectors as one batch at a time, and the threads
 * are closed whether the build succeeds or fails.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BulkEmbedder, IdentifiedEmbeddings } from "../../../src/embed/types.js";
import { buildIndex } from "../../../src/index/build.js";
import { loadIndex } from "../../../src/index/store.js";
import { writeMadeUpCorpus } from "../../helpers/made-up-corpus.js";

const letters = (text: string) => {
  const v = new Array<number>(26).fill(0);
  for (const ch of text.toLowerCase()) if (ch >= "a" && ch <= "z") v[ch.charCodeAt(0) - 97]! += 1;
  return v;
};

class LetterEmbeddings extends Embeddings {
  calls = 0;
  constructor() {
    super({});
  }
  async embedDocuments(texts: string[]) {
    this.calls++;
    return texts.map(letters);
  }
  async embedQuery(text: string) {
    return letters(text);
  }
}

/** A stand-in for worker threads: records how many batches run at once. */
function fakeWorkers(options: { concurrency: number; failOn?: string }) {
  const state = { opened: 0, closed: 0, inFlight: 0, maxInFlight: 0, batches: 0 };
  const open = (): BulkEmbedder => {
    state.opened++;
    return {
      concurrency: options.concurrency,
      async embedDocuments(texts) {
        state.batches++;
        state.inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        state.inFlight--;
        if (options.failOn && texts.some((t) => t.includes(options.failOn!))) throw new Error("worker thread died");
        return texts.map(letters);
      },
      async close() {
        state.closed++;
      },
    };
  };
  return { state, open };
}

const ARTICLES = Array.from({ length: 6 }, (_, i) => ({
  id: `topic-${i}`,
  title: `Topic ${i} visits`,
  body: `## Before\n\nPatients with topic ${i} bring their forms and arrive early.\n\n## During\n\nA topic ${i} visit lasts about ${20 + i} minutes with a nurse.\n\n## After\n\nMost people with topic ${i} go home the same day.`,
}));

describe("index builds with worker threads", () => {
  let corpusDir: string;
  const build = (embedder: IdentifiedEmbeddings, indexDir: string, bulkMinTexts?: number) =>
    buildIndex({
      articlesDir: path.join(corpusDir, "articles"),
      promotionalFiles: [path.resolve("corpus/defaults/promotional.yaml")],
      indexDir: path.join(corpusDir, indexDir),
      embedder,
      embedBatchSize: 2,
      ...(bulkMinTexts === undefined ? {} : { bulkMinTexts }),
    });

  beforeEach(async () => {
    corpusDir = await writeMadeUpCorpus(ARTICLES);
  });
  afterEach(async () => {
    await rm(corpusDir, { recursive: true, force: true });
  });

  it("runs the embedder's batches in parallel and writes the same index as one batch at a time", async () => {
    const workers = fakeWorkers({ concurrency: 3 });
    const inProcess = new LetterEmbeddings();
    const built = await build({ id: "test:letters", dimensions: 26, embeddings: inProcess, openBulk: workers.open }, "bulk", 1);
    expect(built.manifest.indexedChunkCount).toBeGreaterThanOrEqual(12);
    expect(workers.state).toMatchObject({ opened: 1, closed: 1, inFlight: 0, maxInFlight: 3 });
    expect(workers.state.batches).toBe(Math.ceil(built.manifest.indexedChunkCount / 2));
    expect(inProcess.calls).toBe(0);

    await build({ id: "test:letters", dimensions: 26, embeddings: new LetterEmbeddings() }, "serial");
    const bulk = await loadIndex(path.join(corpusDir, "bulk"), { embedderId: "test:letters", dimensions: 26 });
    const serial = await loadIndex(path.join(corpusDir, "serial"), { embedderId: "test:letters", dimensions: 26 });
    expect(bulk.store.vectorLabels).toEqual(serial.store.vectorLabels);
    bulk.store.vectorLabels.forEach((_, label) => expect(bulk.vectors.getPoint(label)).toEqual(serial.vectors.getPoint(label)));
  });

  it("does not open worker threads for a build smaller than the threshold", async () => {
    const workers = fakeWorkers({ concurrency: 3 });
    const inProcess = new LetterEmbeddings();
    await build({ id: "test:letters", dimensions: 26, embeddings: inProcess, openBulk: workers.open }, "small");
    expect(workers.state.opened).toBe(0);
    expect(inProcess.calls).toBeGreaterThan(0);
  });

  it("closes the worker threads and fails the build when a batch fails", async () => {
    const workers = fakeWorkers({ concurrency: 2, failOn: "topic 4" });
    await expect(build({ id: "test:letters", dimensions: 26, embeddings: new LetterEmbeddings(), openBulk: workers.open }, "failed", 1)).rejects.toThrow(
      "worker thread died",
    );
    expect(workers.state.closed).toBe(1);
  });
});
