/** LEAD_RETENTION_DAYS on the Node server: delivered leads past retention are deleted at start (and every few hours). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { openLeads } from "../../../src/leads/index.js";
import { SqliteLeadStore } from "../../../src/leads/sqlite-store.js";
import { silentLogger } from "../../../src/logger.js";

const DAY = 24 * 60 * 60 * 1000;
const contact = { name: "Pat Example", email: "pat@example.com", phone: null, preferredTime: null, reason: null, sessionId: null };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "leads-retention-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seed(file: string) {
  const store = new SqliteLeadStore(file);
  const ids: Record<string, string> = {};
  for (const [key, deliveredDaysAgo] of [["old", 45], ["recent", 5], ["undelivered", null]] as const) {
    const r = await store.insert({ idempotencyKey: key, bodyHash: key, contact, now: Date.now() - 60 * DAY });
    if (r.kind !== "created") throw new Error("seed failed");
    ids[key] = r.id;
    if (deliveredDaysAgo !== null) await store.markDelivered(r.id, Date.now() - deliveredDaysAgo * DAY);
  }
  await store.close();
  return ids;
}

describe("lead retention", () => {
  it("deletes only leads delivered longer ago than LEAD_RETENTION_DAYS", async () => {
    const config = loadConfig({ PATH: process.env.PATH, DATA_DIR: dir, LEAD_RETENTION_DAYS: "30" });
    const ids = await seed(config.paths.leadsDb);
    const leads = openLeads(config, silentLogger);
    await leads.close();
    const store = new SqliteLeadStore(config.paths.leadsDb);
    expect(await store.get(ids.old!)).toBeNull();
    expect(await store.get(ids.recent!)).not.toBeNull();
    expect((await store.get(ids.undelivered!))?.status).toBe("pending");
    await store.close();
  });

  it("keeps everything when no retention is configured", async () => {
    const config = loadConfig({ PATH: process.env.PATH, DATA_DIR: dir });
    const ids = await seed(config.paths.leadsDb);
    await openLeads(config, silentLogger).close();
    const store = new SqliteLeadStore(config.paths.leadsDb);
    expect(await store.get(ids.old!)).not.toBeNull();
    await store.close();
  });

  it("rejects a retention that is not a whole number of days", () => {
    expect(() => loadConfig({ PATH: process.env.PATH, DATA_DIR: dir, LEAD_RETENTION_DAYS: "0" })).toThrow(/LEAD_RETENTION_DAYS/);
  });
});
