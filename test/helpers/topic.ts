/** The compiled topic of a clinic folder's articles, as `npm run index` derives it (no embedding needed). */
import path from "node:path";
import { deriveCorpusTopic } from "../../src/index/build.js";
import { prepareCorpus } from "../../src/index/corpus.js";
import { compileTopic, type Topic } from "../../src/route/topic.js";

export async function corpusTopic(corpusDir: string): Promise<Topic> {
  const corpus = await prepareCorpus({ articlesDir: path.join(corpusDir, "articles"), promotionalFile: path.join(corpusDir, "promotional.yaml") });
  return compileTopic(await deriveCorpusTopic(corpus.chunks));
}
