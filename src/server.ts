/**
 * Node entry: `npm start`. Builds the index when missing or stale, then serves.
 * Startup problems print one clear message with the fix and exit non-zero.
 */
import { ConfigError, loadConfig } from "./config.js";
import { IndexError } from "./index/manifest.js";
import { CorpusError } from "./ingest/load-articles.js";
import { createLogger } from "./logger.js";
import { listen } from "./http/node-server.js";
import { createRuntime } from "./runtime.js";
import { SafetyRulesError } from "./route/index.js";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const started = performance.now();
  const runtime = await createRuntime(config, { ensureIndex: true, logger });
  const { server, port } = await listen(runtime.app, config);
  logger.info("ready", {
    url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`,
    articles: runtime.manifest.articleCount,
    chunks: runtime.manifest.chunkCount,
    embedder: runtime.manifest.embedder.id,
    answerer: config.answerer,
    startupMs: Math.round(performance.now() - started),
  });
  const shutdown = (signal: string) => {
    logger.info("shutting down", { signal });
    server.close(() => {
      void runtime.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof IndexError || err instanceof CorpusError || err instanceof SafetyRulesError) {
    console.error(`\nCannot start: ${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
