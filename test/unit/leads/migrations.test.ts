/** The D1 migrations (wrangler) and the SQLite store's migrations are one schema: the same files. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEAD_MIGRATIONS } from "../../../src/leads/migrations.js";

const dir = path.resolve(import.meta.dirname, "../../../migrations");

describe("lead schema migrations", () => {
  it("commits one wrangler migration per SQLite schema version, with the same SQL", async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
    expect(files).toHaveLength(LEAD_MIGRATIONS.length);
    for (const [i, file] of files.entries()) {
      expect(file.startsWith(String(i + 1).padStart(4, "0"))).toBe(true);
      expect(await readFile(path.join(dir, file), "utf8")).toBe(LEAD_MIGRATIONS[i]);
    }
  });
});
