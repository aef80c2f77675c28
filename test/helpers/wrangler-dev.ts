/**
 * Runs the Worker in the real workerd runtime with `wrangler dev`, pointed at
 * the project's wrangler.toml, on an edge index, static assets and local D1
 * state built in a temp dir (so tests never touch data/ or .wrangler/).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "../../src/config.js";
import { writeEdgeAssets } from "../../src/edge/assets.js";
import { createEmbedder } from "../../src/embed/index.js";
import { buildIndex } from "../../src/index/build.js";
import { writeEdgeIndex } from "../../src/index/edge-build.js";
import { corpusPaths } from "../../src/runtime.js";

const root = path.resolve(import.meta.dirname, "../..");
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
const run = promisify(execFile);

export interface WranglerDev {
  url: string;
  /** Output of wrangler and the Worker's console (JSON log lines). */
  output: () => string;
  /** Runs SQL on the Worker's local D1 database. */
  d1<T>(sql: string): Promise<T[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The project's wrangler.toml with its paths made absolute and the edge index
 * and assets pointed at the temp dir. (`wrangler dev --alias` would be simpler,
 * but wrangler 4.80 ignores it in dev.) Throws if a setting moved, so the
 * test cannot silently run on some other index.
 */
export function testWranglerConfig(toml: string, paths: { edgeIndex: string; assets: string }): string {
  const replacements: Array<[RegExp, string]> = [
    [/^main = "(.+)"$/m, `main = ${JSON.stringify(path.join(root, "src/worker.ts"))}`],
    [/^"edge-index" = "(.+)"$/m, `"edge-index" = ${JSON.stringify(paths.edgeIndex)}`],
    [/^directory = "(.+)"$/m, `directory = ${JSON.stringify(paths.assets)}`],
    [/^migrations_dir = "(.+)"$/m, `migrations_dir = ${JSON.stringify(path.join(root, "migrations"))}`],
  ];
  let out = toml;
  for (const [pattern, line] of replacements) {
    if (!pattern.test(out)) throw new Error(`wrangler.toml has no line matching ${pattern}: update test/helpers/wrangler-dev.ts`);
    out = out.replace(pattern, line);
  }
  return out;
}

export interface WranglerDevOptions {
  /** Worker vars (strings), as `wrangler dev --var`. */
  vars?: Record<string, string>;
  /** Extra environment for building the index (e.g. EMBEDDER=openai with a fake OPENAI_BASE_URL). */
  buildEnv?: Record<string, string>;
  /** Rewrites the edge index before bundling (to test a corrupt or mismatched one). */
  editEdgeIndex?: (edge: Record<string, unknown>) => unknown;
}

export async function startWranglerDev(options: WranglerDevOptions = {}): Promise<WranglerDev> {
  const vars = options.vars ?? {};
  const dir = await mkdtemp(path.join(tmpdir(), "faq-worker-"));
  const config = loadConfig({ PATH: process.env.PATH, DATA_DIR: dir, INDEX_DIR: path.join(dir, "index"), LOG_LEVEL: "silent", ...options.buildEnv });
  const embedder = createEmbedder(config);
  await buildIndex({ ...corpusPaths(config), indexDir: config.paths.indexDir, embedder });
  const edge = await writeEdgeIndex(config, { embedderId: embedder.id, dimensions: embedder.dimensions });
  if (options.editEdgeIndex) {
    const edited = options.editEdgeIndex(JSON.parse(await readFile(edge.file, "utf8")) as Record<string, unknown>);
    await writeFile(edge.file, JSON.stringify(edited));
  }
  const assets = path.join(dir, "assets");
  await writeEdgeAssets(assets, config.clinic);
  const state = path.join(dir, "state");
  const configFile = path.join(dir, "wrangler.toml");
  await writeFile(configFile, testWranglerConfig(await readFile(path.join(root, "wrangler.toml"), "utf8"), { edgeIndex: edge.file, assets }));
  const common = ["--config", configFile];
  await run(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state, ...common], { cwd: root, env: { ...process.env, CI: "true" } });

  const port = await freePort();
  const inspector = await freePort();
  const args = ["dev", ...common, "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspector), "--persist-to", state];
  args.push("--test-scheduled", "--show-interactive-dev-session=false");
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  let log = "";
  const child: ChildProcess = spawn(wrangler, args, { cwd: root, env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log}`);
    // Any HTTP answer means workerd is serving (a broken index answers 503 by design).
    const ready = await fetch(`${url}/healthz`).then(() => true, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not start in time:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    output: () => log,
    async d1<T>(sql: string) {
      const { stdout } = await run(wrangler, ["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql, ...common], {
        cwd: root,
        env: { ...process.env, CI: "true" },
      });
      return (JSON.parse(stdout) as Array<{ results: T[] }>)[0]!.results;
    },
    stop,
  };
}
