/**
 * `npm run index [-- --force]`: builds the clinic's search index from its
 * articles (CLINIC_DIR) into <DATA_DIR>/index, and its edge index. Checks every
 * clinic file first, so a broken one stops it before anything is written.
 * Skips the embedding when the corpus and the embedder are unchanged.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { ConfigError, loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embed/index.js";
import { buildIndex } from "../src/index/build.js";
import { writeEdgeIndex } from "../src/index/edge-build.js";
import { IndexError } from "../src/index/manifest.js";
import { CorpusError } from "../src/ingest/load-articles.js";
import { corpusPaths, loadClinicData } from "../src/runtime.js";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(
      "Usage: npm run index [-- --force]\n  Builds <DATA_DIR>/index (default data/<clinic id>/index) and the edge index from $CLINIC_DIR/articles (approved articles only).\n  --force  rebuild even when the corpus and embedder are unchanged",
    );
    return 0;
  }
  const config = loadConfig();
  // Everything the index and the edge index depend on, checked before anything is written.
  await loadClinicData(config);
  const embedder = createEmbedder(config);
  const started = performance.now();
  const interactive = process.stderr.isTTY && !process.env.CI;
  const bar = new cliProgress.SingleBar(
    { format: "Embedding chunks [{bar}] {value}/{total}", stream: process.stderr, noTTYOutput: false, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  const result = await buildIndex({
    ...corpusPaths(config),
    indexDir: config.paths.indexDir,
    embedder,
    force: values.force,
    onProgress: (done, total) => {
      if (!interactive) {
        if (done === total) process.stderr.write(`Embedded ${done}/${total} chunks\n`);
        return;
      }
      if (!barStarted) {
        bar.start(total, done);
        barStarted = true;
      } else bar.update(done);
    },
  });
  if (barStarted) bar.stop();
  const m = result.manifest;
  // Always rewritten (cheap, no embedding): it also carries the lexicon, safety rules and clinic config, which staff edit.
  const edge = await writeEdgeIndex(config, { embedderId: embedder.id, dimensions: embedder.dimensions });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const edgeLine = `Edge index for Cloudflare Workers: ${path.relative(process.cwd(), edge.file)} (${kb(edge.bytes)}, ${kb(edge.gzipBytes)} gzipped${edge.vectors ? ", with vectors" : ", BM25 only"})`;
  if (result.status === "up-to-date") {
    console.log(`Index up to date (${m.articleCount} articles, ${m.chunkCount} chunks, embedder ${m.embedder.id}). Use --force to rebuild.`);
    console.log(edgeLine);
    return 0;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `Index of clinic ${config.paths.clinicId} built in ${seconds}s → ${path.relative(process.cwd(), config.paths.indexDir) || config.paths.indexDir}`,
      `  articles:             ${m.articleCount}`,
      `  chunks:               ${m.chunkCount} (${m.indexedChunkCount} searchable)`,
      `  promotional (tagged): ${m.promotionalChunkCount}`,
      `  duplicates collapsed: ${m.duplicateChunksDropped}`,
      `  embedder:             ${m.embedder.id} (${m.embedder.dimensions} dimensions)`,
      `  corpus hash:          ${m.corpusHash.slice(0, 12)}`,
    ].join("\n"),
  );
  console.log(edgeLine);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Clinic-file problems (ConfigError covers safety rules, lexicon and data files) are one line with the fix.
    if (err instanceof ConfigError || err instanceof CorpusError || err instanceof IndexError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
