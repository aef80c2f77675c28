import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LeadContact } from "../../../src/leads/schema.js";
import { ensurePrivateDir } from "../../../src/leads/private-files.js";
import { LEADS_SCHEMA_VERSION, LeadStoreError, SqliteLeadStore } from "../../../src/leads/sqlite-store.js";

const contact = (name: string): LeadContact => ({ name, email: `${name.toLowerCase()}@example.org`, phone: null, preferredTime: null, reason: null, sessionId: null });

let dir: string;
let file: string;
let store: SqliteLeadStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-store-"));
  file = path.join(dir, "nested", "leads.sqlite");
  store = new SqliteLeadStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("SqliteLeadStore", () => {
  it("creates an owner-only WAL database at the current schema version", () => {
    if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("user_version", { simple: true })).toBe(LEADS_SCHEMA_VERSION);
    raw.close();
  });

  it.skipIf(process.platform === "win32")("makes an existing world-readable database, its WAL/SHM and its directory owner-only", async () => {
    await store.close();
    const existing = path.join(dir, "old-data", "leads.sqlite");
    mkdirSync(path.dirname(existing), { mode: 0o755 });
    chmodSync(path.dirname(existing), 0o755);
    // An earlier version (or a restore) left the database and its WAL files at 0644, open by another connection.
    const other = new Database(existing);
    other.pragma("journal_mode = WAL");
    other.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    for (const f of [existing, `${existing}-wal`, `${existing}-shm`]) chmodSync(f, 0o644);

    store = new SqliteLeadStore(existing);
    await store.insert({ idempotencyKey: "k", bodyHash: "h", contact: contact("Ana"), now: 1 });
    const mode = (f: string) => statSync(f).mode & 0o777;
    expect(mode(path.dirname(existing))).toBe(0o700);
    for (const f of [existing, `${existing}-wal`, `${existing}-shm`]) {
      expect(existsSync(f)).toBe(true);
      expect(mode(f)).toBe(0o600);
    }
    other.close();
  });

  it.skipIf(process.platform === "win32")("creates the data directory owner-only and tightens an existing one", () => {
    const fresh = path.join(dir, "fresh", "data");
    ensurePrivateDir(fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    chmodSync(fresh, 0o755);
    ensurePrivateDir(fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });

  it("inserts once per idempotency key: replay returns the same id, another body conflicts", async () => {
    const first = await store.insert({ idempotencyKey: "k1", bodyHash: "h1", contact: contact("Ana"), now: 1000 });
    expect(first.kind).toBe("created");
    const again = await store.insert({ idempotencyKey: "k1", bodyHash: "h1", contact: contact("Ana"), now: 2000 });
    expect(again).toEqual({ kind: "replayed", id: first.kind === "created" ? first.id : "" });
    expect(await store.insert({ idempotencyKey: "k1", bodyHash: "h2", contact: contact("Bo"), now: 3000 })).toEqual({ kind: "conflict" });
    expect((await store.counts()).pending).toBe(1);
    const stored = await store.get(again.kind === "replayed" ? again.id : "");
    expect(stored?.contact.name).toBe("Ana");
    expect(stored?.createdAt).toBe(1000);
  });

  it("claims due leads once, counting the attempt, and takes over expired claims", async () => {
    const a = await store.insert({ idempotencyKey: "a", bodyHash: "h", contact: contact("Ana"), now: 1000 });
    const claimed = await store.claimDue(1000, { limit: 10, leaseMs: 500 });
    expect(claimed.map((l) => [l.id, l.status, l.attempts])).toEqual([[a.kind === "created" ? a.id : "", "delivering", 1]]);
    expect(await store.claimDue(1400, { limit: 10, leaseMs: 500 })).toEqual([]);
    expect(await store.nextWakeAt()).toBe(1500);
    // The claimer died: once the lease expires another pass takes the lead over.
    const takeover = await store.claimDue(1500, { limit: 10, leaseMs: 500 });
    expect(takeover).toHaveLength(1);
    expect(takeover[0]!.attempts).toBe(2);
    // The stale claim finishing late must not overwrite the new claim's state.
    await store.markFailed(claimed[0]!.id, { claimToken: claimed[0]!.claimToken, error: "HTTP 503", nextAttemptAt: 9999, now: 1600 });
    expect((await store.get(claimed[0]!.id))?.status).toBe("delivering");
    await store.markFailed(takeover[0]!.id, { claimToken: takeover[0]!.claimToken, error: "HTTP 503", nextAttemptAt: 3000, now: 1600 });
    const after = await store.get(takeover[0]!.id);
    expect([after?.status, after?.nextAttemptAt, after?.lastError]).toEqual(["pending", 3000, "HTTP 503"]);
    expect(await store.claimDue(2999, { limit: 10, leaseMs: 500 })).toEqual([]);
    expect(await store.claimDue(3000, { limit: 10, leaseMs: 500 })).toHaveLength(1);
  });

  it("dead-letters, lists by status and retries only dead leads", async () => {
    const r = await store.insert({ idempotencyKey: "d", bodyHash: "h", contact: contact("Dee"), now: 1000 });
    const id = r.kind === "created" ? r.id : "";
    const [lead] = await store.claimDue(1000, { limit: 1, leaseMs: 100 });
    await store.markFailed(id, { claimToken: lead!.claimToken, error: "HTTP 400", nextAttemptAt: null, now: 1100 });
    expect((await store.list({ status: "dead" })).map((l) => l.id)).toEqual([id]);
    expect(await store.list({ status: "pending" })).toEqual([]);
    expect(await store.claimDue(10_000, { limit: 10, leaseMs: 100 })).toEqual([]);
    expect(await store.retryDead(id, 2000)).toBe(true);
    expect(await store.retryDead(id, 2000)).toBe(false);
    const retried = await store.get(id);
    expect([retried?.status, retried?.attempts, retried?.nextAttemptAt]).toEqual(["pending", 0, 2000]);
  });

  it("keeps leads across reopen and refuses a database from a newer version", async () => {
    await store.insert({ idempotencyKey: "p", bodyHash: "h", contact: contact("Pat"), now: 1000 });
    await store.close();
    store = new SqliteLeadStore(file);
    expect((await store.counts()).pending).toBe(1);
    await store.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LEADS_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new SqliteLeadStore(file)).toThrow(LeadStoreError);
    store = new SqliteLeadStore(path.join(dir, "other.sqlite"));
  });

  it("does not create a database when asked to open an existing one", () => {
    expect(() => new SqliteLeadStore(path.join(dir, "missing.sqlite"), { mustExist: true })).toThrow(/No leads database/);
  });
});

describe("SqliteLeadStore claim order", () => {
  let fairDir: string;
  let fair: SqliteLeadStore;
  beforeEach(() => {
    fairDir = mkdtempSync(path.join(tmpdir(), "leads-fair-"));
    fair = new SqliteLeadStore(path.join(fairDir, "leads.sqlite"));
  });
  afterEach(async () => {
    await fair.close();
    rmSync(fairDir, { recursive: true, force: true });
  });

  it("claims the longest-waiting lead first, so quick retries of old leads cannot starve newer ones", async () => {
    const old = await fair.insert({ idempotencyKey: "old", bodyHash: "h", contact: contact("Old"), now: 100 });
    const young = await fair.insert({ idempotencyKey: "young", bodyHash: "h", contact: contact("Young"), now: 200 });
    const [first] = await fair.claimDue(300, { limit: 1, leaseMs: 1000 });
    expect(first!.id).toBe(old.kind === "created" ? old.id : "");
    // The old lead failed and is due again right away; the young one has waited longer.
    await fair.markFailed(first!.id, { claimToken: first!.claimToken, error: "HTTP 503", nextAttemptAt: 301, now: 300 });
    const [second] = await fair.claimDue(400, { limit: 1, leaseMs: 1000 });
    expect(second!.id).toBe(young.kind === "created" ? young.id : "");
  });
});
