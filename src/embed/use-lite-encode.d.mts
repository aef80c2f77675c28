import type { EmbeddingsModel } from "@energetic-ai/embeddings";

export function loadUseLite(): Promise<EmbeddingsModel>;
export function embedTexts(model: EmbeddingsModel, texts: string[], maxTokens: number): Promise<number[][]>;
