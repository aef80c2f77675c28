// A piscina worker for index builds: one USE-lite model per thread, loaded once.
import { embedTexts, loadUseLite } from "./use-lite-encode.mjs";

const model = loadUseLite();

/** @param {{ texts: string[], maxTokens: number }} task */
export default async function embed({ texts, maxTokens }) {
  return embedTexts(await model, texts, maxTokens);
}
