/**
 * `npm run bench`: latency and throughput of POST /api/chat on the embedded
 * default (offline), plus index build time and peak RSS. Prints numbers;
 * asserts nothing. Targets: p50 ≤ 15 ms at concurrency 1, ≥ 150 answers/s at 16.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embed/index.js";
import { buildIndex } from "../src/index/build.js";
import { silentLogger } from "../src/logger.js";
import { corpusPaths, createRuntime } from "../src/runtime.js";

const QUESTIONS = [
  "How long does one session take?",
  "what are the side effects",
  "How many sessions will I need?",
  "is ketamine given through an IV?",
  "Who is a good candidate for ketamine therapy?",
  "can i drive home after my infusion",
  "How long does the pain relief last?",
  "Is ketamine addictive?",
  "how much does it cost",
  "Does insurance cover ketamine?",
  "will i throw up",
  "How does ketamine work for pain?",
  "Can ketamine help fibromyalgia?",
  "I want to book a consultation",
  "What dose should I take at home?",
  "Write me a poem about the sea",
];

async function run(url: string, connections: number, seconds: number) {
  const result = await autocannon({
    url: `${url}/api/chat`,
    connections,
    duration: seconds,
    requests: QUESTIONS.map((message) => ({
      method: "POST" as const,
      path: "/api/chat",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message }),
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

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" } } });
  const seconds = Number(values.seconds);
  const indexDir = await mkdtemp(path.join(tmpdir(), "faq-bench-"));
  const config = loadConfig({ ...process.env, INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "silent" });
  const embedder = createEmbedder(config);

  const buildStart = performance.now();
  const built = await buildIndex({ ...corpusPaths(config), indexDir, embedder, force: true });
  const buildMs = performance.now() - buildStart;

  const runtime = await createRuntime(config, { logger: silentLogger, embedder });
  const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  await run(url, 4, 2); // warm-up
  const rows = [await run(url, 1, seconds), await run(url, 16, seconds)];
  server.close();
  await runtime.close();
  await rm(indexDir, { recursive: true, force: true });

  console.log(`\nPOST /api/chat, ${QUESTIONS.length} varied questions, ${seconds}s per run, embedder ${built.manifest.embedder.id}, answerer ${config.answerer}`);
  console.log("concurrency | requests | answers/s | p50 ms | p95 ms | p99 ms | non-2xx | errors");
  for (const r of rows) {
    console.log(
      `${String(r.connections).padStart(11)} | ${String(r.requests).padStart(8)} | ${r.rps.toFixed(1).padStart(9)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.non2xx).padStart(7)} | ${r.errors}`,
    );
  }
  console.log(`index build: ${buildMs.toFixed(0)} ms (${built.manifest.chunkCount} chunks)`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`targets: p50 ≤ 15 ms at concurrency 1 → ${rows[0]!.p50 <= 15 ? "met" : "not met"}; ≥ 150 answers/s at 16 → ${rows[1]!.rps >= 150 ? "met" : "not met"}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
