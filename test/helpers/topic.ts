/** The compiled topic of a clinic folder's articles, as `npm run index` derives it (no embedding needed). */
import { existsSync } from "node:fs";
import path from "node:path";
import { deriveCorpusTopic } from "../../src/index/build.js";
import { prepareCorpus } from "../../src/index/corpus.js";
import { compileTopic, type Topic } from "../../src/route/topic.js";

const DEFAULT_PROMOTIONAL = path.resolve(import.meta.dirname, "../../corpus/defaults/promotional.yaml");

export async function corpusTopic(clinicDir: string): Promise<Topic> {
  const own = path.join(clinicDir, "promotional.yaml");
  const promotionalFiles = existsSync(own) ? [DEFAULT_PROMOTIONAL, own] : [DEFAULT_PROMOTIONAL];
  const corpus = await prepareCorpus({ articlesDir: path.join(clinicDir, "articles"), promotionalFiles });
  return compileTopic(await deriveCorpusTopic(corpus.chunks));
}
