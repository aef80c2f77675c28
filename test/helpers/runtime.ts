/** Builds the real runtime (real corpus, real index in a temp dir) for integration tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { createRuntime, type Runtime, type RuntimeOptions } from "../../src/runtime.js";

export interface TestRuntime extends Runtime {
  logLines: string[];
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startTestRuntime(env: Record<string, string> = {}, options: RuntimeOptions = {}): Promise<TestRuntime> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "faq-test-"));
  const config = loadConfig({
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    INDEX_DIR: path.join(dataDir, "index"),
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  const logLines: string[] = [];
  const logger: Logger = createLogger("debug", (line) => logLines.push(line));
  const runtime = await createRuntime(config, { ensureIndex: true, logger, ...options });
  return {
    ...runtime,
    logLines,
    dataDir,
    async dispose() {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postChat(app: Runtime["app"], body: unknown, headers: Record<string, string> = {}) {
  return app.request("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
