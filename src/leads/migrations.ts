/**
 * The leads schema, one file per version in migrations/ (wrangler applies the
 * same files to D1). The SQLite store runs them in order, tracked by
 * PRAGMA user_version. Node-only: reads the files once, at import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** Each entry upgrades the schema by one version (migrations/000N_*.sql, in order). Append only. */
export const LEAD_MIGRATIONS: readonly string[] = readdirSync(dir)
  .filter((name) => name.endsWith(".sql"))
  .sort()
  .map((name) => readFileSync(`${dir}${name}`, "utf8"));
