/**
 * `npm run build:worker`: what the Cloudflare Worker bundles besides code —
 * the configured clinic's edge index (copied from <DATA_DIR>/edge/index.json to
 * dist/edge-index.json, wrangler.toml's `edge-index` alias) and static assets
 * (src/edge/assets.ts) — then a dry-run bundle to report the Worker's size
 * against Cloudflare's limits. Run after `npm run index` (the edge index).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ConfigError, loadConfig } from "../src/config.js";
import { EDGE_INDEX_BUNDLE, edgeIndexFile } from "../src/index/edge-build.js";
import { EDGE_ASSETS_DIR, writeEdgeAssets } from "../src/edge/assets.js";

const BUNDLE_DIR = "dist/worker-bundle";
/** Cloudflare's limits on the compressed Worker: Free and Paid plans. */
const LIMITS = { free: 3 * 1024 * 1024, paid: 10 * 1024 * 1024 };

async function main(): Promise<void> {
  const config = loadConfig();
  const edgeIndex = edgeIndexFile(config);
  if (!existsSync(edgeIndex)) throw new ConfigError(`No edge index at ${edgeIndex}. Fix: run \`npm run index\` first (with the same CLINIC_DIR and DATA_DIR).`);
  await mkdir(path.dirname(EDGE_INDEX_BUNDLE), { recursive: true });
  await copyFile(edgeIndex, EDGE_INDEX_BUNDLE);
  console.log(`Edge index of clinic ${config.paths.clinicId} → ${EDGE_INDEX_BUNDLE} (from ${path.relative(process.cwd(), edgeIndex)})`);
  const files = await writeEdgeAssets(EDGE_ASSETS_DIR, config.clinic);
  console.log(`Static assets → ${EDGE_ASSETS_DIR} (${files.join(", ")})`);

  await rm(BUNDLE_DIR, { recursive: true, force: true });
  execFileSync(path.join("node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", BUNDLE_DIR], { stdio: ["ignore", "ignore", "inherit"] });
  let raw = 0;
  let gzip = 0;
  for (const name of await readdir(BUNDLE_DIR)) {
    if (name.endsWith(".map")) continue;
    const file = path.join(BUNDLE_DIR, name);
    if (!(await stat(file)).isFile()) continue;
    const data = await readFile(file);
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`Worker bundle: ${mb(raw)} raw, ${mb(gzip)} gzipped (limits: ${mb(LIMITS.free)} Free, ${mb(LIMITS.paid)} Paid, compressed)`);
  if (gzip > LIMITS.paid) {
    console.error("The Worker is over Cloudflare's size limit.");
    process.exitCode = 1;
  } else if (gzip > LIMITS.free) console.warn("The Worker needs the Workers Paid plan (over the Free plan's 3 MB).");
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
