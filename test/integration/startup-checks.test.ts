/**
 * The server refuses to start in a state that looks healthy but cannot help
 * anyone: no approved articles, no crisis rules, or a webhook/API URL on a
 * port fetch will never connect to.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createHealthRoutes } from "../../src/http/routes/health.js";
import { INDEX_FILES, INDEX_SCHEMA_VERSION } from "../../src/index/manifest.js";
import { CorpusError } from "../../src/ingest/load-articles.js";
import { silentLogger } from "../../src/logger.js";
import { createRuntime } from "../../src/runtime.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shipped clinic and defaults that a test may break. */
function corpusCopy(): { root: string; corpus: string; defaults: string; env: Record<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), "startup-"));
  dirs.push(root);
  const corpus = path.join(root, "ketamine-pain");
  const defaults = path.join(root, "defaults");
  cpSync("corpus/ketamine-pain", corpus, { recursive: true });
  cpSync("corpus/defaults", defaults, { recursive: true });
  return { root, corpus, defaults, env: { CLINIC_DIR: corpus, DEFAULTS_DIR: defaults, DATA_DIR: path.join(root, "data"), LOG_LEVEL: "silent" } };
}

describe("start-up refuses a useless or unsafe state", () => {
  it("fails the index build when no article is approved, saying so", async () => {
    const { corpus, env } = corpusCopy();
    const articles = path.join(corpus, "articles");
    for (const name of readdirSync(articles)) {
      const file = path.join(articles, name);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^status: approved$/m, "status: draft"));
    }
    const start = createRuntime(loadConfig(env), { ensureIndex: true, logger: silentLogger });
    await expect(start).rejects.toBeInstanceOf(CorpusError);
    await expect(start).rejects.toThrow(/No approved articles in .*articles.*status: approved/);
  });

  it("rebuilds an index written by another version of the assistant instead of refusing it", async () => {
    const { corpus, env } = corpusCopy();
    // One article keeps the two builds short.
    const articles = path.join(corpus, "articles");
    for (const name of readdirSync(articles).slice(1)) rmSync(path.join(articles, name));
    const config = loadConfig(env);
    await (await createRuntime(config, { ensureIndex: true, logger: silentLogger })).close();
    const file = path.join(config.paths.indexDir, INDEX_FILES.manifest);
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { schemaVersion: number };
    writeFileSync(file, JSON.stringify({ ...manifest, schemaVersion: INDEX_SCHEMA_VERSION - 1 }));
    await expect(createRuntime(config, { logger: silentLogger })).rejects.toThrow(/schema version[\s\S]*Fix:/);
    const runtime = await createRuntime(config, { ensureIndex: true, logger: silentLogger });
    await runtime.close();
    expect(runtime.manifest.schemaVersion).toBe(INDEX_SCHEMA_VERSION);
    expect((JSON.parse(readFileSync(file, "utf8")) as { schemaVersion: number }).schemaVersion).toBe(INDEX_SCHEMA_VERSION);
  });

  it("rebuilds an index made by another version of the offline embedder, but refuses one from another kind", async () => {
    const { corpus, env } = corpusCopy();
    const articles = path.join(corpus, "articles");
    for (const name of readdirSync(articles).slice(1)) rmSync(path.join(articles, name));
    const config = loadConfig(env);
    const first = await createRuntime(config, { ensureIndex: true, logger: silentLogger });
    await first.close();
    const current = first.manifest.embedder.id;
    const file = path.join(config.paths.indexDir, INDEX_FILES.manifest);
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { embedder: { id: string; dimensions: number } };
    writeFileSync(file, JSON.stringify({ ...manifest, embedder: { ...manifest.embedder, id: "local:use-lite-en@0.1.0" } }));
    const runtime = await createRuntime(config, { ensureIndex: true, logger: silentLogger });
    await runtime.close();
    expect(runtime.manifest.embedder.id).toBe(current);

    writeFileSync(file, JSON.stringify({ ...manifest, embedder: { ...manifest.embedder, id: "openai:text-embedding-3-small" } }));
    await expect(createRuntime(config, { ensureIndex: true, logger: silentLogger })).rejects.toThrow(/openai:text-embedding-3-small[\s\S]*Fix:/);
  });

  it("stops when the crisis rule list is empty, naming the file", async () => {
    const { defaults, env } = corpusCopy();
    const file = path.join(defaults, "safety", "crisis.yaml");
    const crisis = parseYaml(readFileSync(file, "utf8")) as Record<string, unknown>;
    writeFileSync(file, stringify({ ...crisis, rules: [] }));
    const start = createRuntime(loadConfig(env), { ensureIndex: true, logger: silentLogger });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(`${file} has no crisis rules`);
  });

  it.each([
    ["BOOKING_WEBHOOK_URL", "http://127.0.0.1:6000/hook", /port 6000 is one fetch refuses/],
    ["BOOKING_WEBHOOK_URL", "https://booking.example:25/hook", /port 25 is one fetch refuses/],
    ["BOOKING_WEBHOOK_URL", "http://127.0.0.1:0/hook", /port 0 cannot be connected to/],
    ["OPENAI_BASE_URL", "http://127.0.0.1:6666/v1", /port 6666 is one fetch refuses/],
  ])("refuses %s=%s, naming the variable and the fix", (name, value, reason) => {
    let message = "";
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(new RegExp(`${name}: `));
    expect(message).toMatch(reason);
    expect(message).toContain("Fix: use a URL on another port");
  });

  it("accepts webhook and API URLs on ordinary ports", () => {
    const config = loadConfig({ BOOKING_WEBHOOK_URL: "https://booking.example:8443/hook", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" });
    expect(config.webhook.url).toBe("https://booking.example:8443/hook");
    expect(loadConfig({ BOOKING_WEBHOOK_URL: "https://booking.example/hook" }).webhook.url).toBe("https://booking.example/hook");
  });

  it("answers /readyz 503 with the reason for an index without articles", async () => {
    const info = { articles: 0, chunks: 0, embedder: "use-lite", corpusHash: "x", answerer: "extractive" as const };
    const res = await createHealthRoutes({ ready: () => info }).request("/readyz");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; reason: string };
    expect(body.status).toBe("not_ready");
    expect(body.reason).toMatch(/no approved articles/);
    const ok = await createHealthRoutes({ ready: () => ({ ...info, articles: 5, chunks: 40 }) }).request("/readyz");
    expect(ok.status).toBe(200);
  });
});
