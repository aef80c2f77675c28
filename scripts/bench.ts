/**
 * `npm run bench [-- --questions FILE] [--url URL] [--seconds N]`: latency and
 * throughput of POST /api/chat, on the in-process default (offline; also times
 * the index build) or on a running server (`--url`). Prints numbers; asserts
 * nothing. Targets: p50 ≤ 15 ms at concurrency 1, ≥ 150 answers/s at 16.
 *
 * `npm run bench -- --library 1000 [--embed-batches 1,16,64]`: index-time
 * bench instead: generates a synthetic library (scripts/gen-library.ts),
 * indexes it cold, then again after editing one article (embedding cache),
 * and optionally measures embedding time per chunk for each batch size.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { BenchInputError, loadBenchQuestions, parseBenchArgs, type BenchArgs, type BenchQuestion } from "../src/bench/questions.js";
import { loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embed/index.js";
import { buildIndex } from "../src/index/build.js";
import { prepareCorpus } from "../src/index/corpus.js";
import { silentLogger } from "../src/logger.js";
import { corpusPaths, createRuntime } from "../src/runtime.js";
import { writeLibrary } from "./gen-library.js";

async function run(url: string, questions: BenchQuestion[], connections: number, seconds: number) {
  const result = await autocannon({
    url: `${url}/api/chat`,
    connections,
    duration: seconds,
    requests: questions.map((q) => ({
      method: "POST" as const,
      path: "/api/chat",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(q),
    })),
  });
  return {
    connections,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
    p99: result.latency.p99,
    rps: result.requests.average,
  };
}

/** What the server says it runs (GET /readyz); the bench fails clearly when it is not up. */
async function describeServer(url: string): Promise<{ embedder: string; answerer: string }> {
  let res: Response;
  try {
    res = await fetch(`${url}/readyz`);
  } catch (err) {
    throw new BenchInputError(`Cannot reach ${url}: ${(err as Error).message}. Is the server running?`);
  }
  if (!res.ok) throw new BenchInputError(`${url}/readyz answered ${res.status}: the server is not ready.`);
  const body = (await res.json()) as { embedder?: string; answerer?: string };
  return { embedder: body.embedder ?? "unknown", answerer: body.answerer ?? "unknown" };
}

async function chatBench(args: BenchArgs) {
  const questions = await loadBenchQuestions(args.questions);
  let url: string;
  let embedder: string;
  let answerer: string;
  let buildLine: string;
  let stop = async () => {};
  if (args.url) {
    url = args.url;
    ({ embedder, answerer } = await describeServer(url));
    buildLine = "index build: not measured (--url: the server's own index)";
  } else {
    const indexDir = await mkdtemp(path.join(tmpdir(), "faq-bench-"));
    const config = loadConfig({ ...process.env, INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "silent" });
    const emb = createEmbedder(config);
    const buildStart = performance.now();
    const built = await buildIndex({ ...corpusPaths(config), indexDir, embedder: emb, force: true });
    buildLine = `index build: ${(performance.now() - buildStart).toFixed(0)} ms (${built.manifest.chunkCount} chunks)`;
    const runtime = await createRuntime(config, { logger: silentLogger, embedder: emb });
    const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    embedder = built.manifest.embedder.id;
    answerer = config.answerer;
    stop = async () => {
      server.close();
      await runtime.close();
      await rm(indexDir, { recursive: true, force: true });
    };
  }

  await run(url, questions, 4, 2); // warm-up
  const rows = [await run(url, questions, 1, args.seconds), await run(url, questions, 16, args.seconds)];
  await stop();

  console.log(`\nPOST ${url === args.url ? url : ""}/api/chat, ${questions.length} varied questions (${args.questions}), ${args.seconds}s per run, embedder ${embedder}, answerer ${answerer}`);
  console.log("concurrency | requests | answers/s | p50 ms | p95 ms | p99 ms | non-2xx | errors");
  for (const r of rows) {
    console.log(
      `${String(r.connections).padStart(11)} | ${String(r.requests).padStart(8)} | ${r.rps.toFixed(1).padStart(9)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.non2xx).padStart(7)} | ${r.errors}`,
    );
  }
  console.log(buildLine);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB${args.url ? " (bench client only)" : ""}`);
  console.log(`targets: p50 ≤ 15 ms at concurrency 1 → ${rows[0]!.p50 <= 15 ? "met" : "not met"}; ≥ 150 answers/s at 16 → ${rows[1]!.rps >= 150 ? "met" : "not met"}`);
}

async function libraryBench(args: BenchArgs & { library: number }) {
  const root = await mkdtemp(path.join(tmpdir(), "faq-library-"));
  const corpusDir = path.join(root, "corpus");
  const articlesDir = path.join(corpusDir, "articles");
  await writeLibrary(articlesDir, { articles: args.library, seed: 42 });
  await cp(path.join("corpus", "defaults", "promotional.yaml"), path.join(corpusDir, "promotional.yaml"));
  const paths = { articlesDir, promotionalFiles: [path.join(corpusDir, "promotional.yaml")] };
  const indexDir = path.join(root, "index");
  const config = loadConfig({ ...process.env, LOG_LEVEL: "silent" });
  const embedder = createEmbedder(config);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  // Each line is printed as soon as it is measured: a cold build of a large library takes minutes.
  const threads = config.embedder.kind === "local" ? `, ${config.embedder.threads} embedding thread(s) (EMBED_THREADS)` : "";
  console.log(`\nIndex build, synthetic library of ${args.library} articles (seed 42), embedder ${embedder.id}${threads}`);
  let t = performance.now();
  const prepared = await prepareCorpus(paths);
  console.log(`load + chunk + near-duplicate collapse: ${seconds(performance.now() - t)} (${prepared.chunks.length} chunks, ${prepared.duplicateChunksDropped} duplicates dropped)`);

  t = performance.now();
  const cold = await buildIndex({ ...paths, indexDir, embedder, force: true });
  const coldMs = performance.now() - t;
  console.log(`cold build (nothing cached): ${seconds(coldMs)} (${cold.manifest.indexedChunkCount} chunks embedded)`);
  if (args.library === 1000) console.log(`target: 1,000 articles cold in ≤ 3 min → ${coldMs <= 180_000 ? "met" : "not met"}`);

  // Edit one article: only its chunks should be embedded again.
  const first = (await readdir(articlesDir)).sort()[0]!;
  const file = path.join(articlesDir, first);
  await writeFile(file, `${await readFile(file, "utf8")}\nOne more sentence added by the bench to change this article.\n`);
  let toEmbed = -1;
  t = performance.now();
  const warm = await buildIndex({ ...paths, indexDir, embedder, onProgress: (done, total) => (toEmbed = toEmbed < 0 ? total - done : toEmbed) });
  console.log(`rebuild after editing one article: ${seconds(performance.now() - t)} (${toEmbed} chunks embedded, the rest from the cache; status ${warm.status})`);

  if (args.embedBatches) {
    const texts = prepared.chunks.slice(0, 128).map((c) => [c.title, ...c.sectionPath, c.text].join("\n"));
    await embedder.embeddings.embedDocuments(texts.slice(0, 2)); // load the model
    console.log("embedding batch size | ms per chunk (128 chunks)");
    for (const size of args.embedBatches) {
      t = performance.now();
      for (let i = 0; i < texts.length; i += size) await embedder.embeddings.embedDocuments(texts.slice(i, i + size));
      console.log(`${String(size).padStart(20)} | ${((performance.now() - t) / texts.length).toFixed(1)}`);
    }
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await rm(root, { recursive: true, force: true });
}

async function main() {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
      seconds: { type: "string" },
      url: { type: "string" },
      questions: { type: "string" },
      library: { type: "string" },
        "embed-batches": { type: "string" },
      },
    }));
  } catch (err) {
    throw new BenchInputError(`${(err as Error).message}. Usage: npm run bench -- [--questions FILE] [--url URL] [--seconds N] | --library N [--embed-batches 1,16,64]`);
  }
  const { "embed-batches": embedBatches, ...rest } = values;
  const args = parseBenchArgs({ ...rest, ...(embedBatches !== undefined ? { embedBatches } : {}) });
  if (args.library !== undefined) await libraryBench({ ...args, library: args.library });
  else await chatBench(args);
}

main().catch((err: unknown) => {
  console.error(err instanceof BenchInputError ? err.message : err);
  process.exit(err instanceof BenchInputError ? 2 : 1);
});
