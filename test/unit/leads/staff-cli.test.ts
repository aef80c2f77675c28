import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LeadContact } from "../../../src/leads/schema.js";
import { SqliteLeadStore } from "../../../src/leads/sqlite-store.js";
import { runLeadsCommand } from "../../../src/leads/staff-cli.js";

const jane: LeadContact = { name: "Jane Doe", email: "jane@example.com", phone: "+1 555 010 0199", preferredTime: "Tuesday morning", reason: "Questions about sessions", sessionId: null };

let dir: string;
let store: SqliteLeadStore;
let out: string[];
let err: string[];
const run = (...argv: string[]) => runLeadsCommand(argv, store, { out: (t) => out.push(t), err: (t) => err.push(t), now: () => 10_000 });

async function deadLead(): Promise<string> {
  const r = await store.insert({ idempotencyKey: "k", bodyHash: "h", contact: jane, now: 1000 });
  const id = r.kind === "created" ? r.id : "";
  const [claimed] = await store.claimDue(1000, { limit: 1, leaseMs: 100 });
  await store.markFailed(id, { claimToken: claimed!.claimToken, error: "HTTP 400", nextAttemptAt: null, now: 1100 });
  return id;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-cli-"));
  store = new SqliteLeadStore(path.join(dir, "leads.sqlite"));
  out = [];
  err = [];
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run leads", () => {
  it("lists leads with their delivery state and masked contact details", async () => {
    const id = await deadLead();
    expect(await run()).toBe(0);
    const text = out.join("\n");
    expect(text).toContain(id);
    expect(text).toContain("dead");
    expect(text).toContain("HTTP 400");
    expect(text).toContain("J*** D***");
    expect(text).toContain("j***@e***.com");
    expect(text).toContain("+1 *** *** **99");
    for (const secret of ["Jane", "Doe", "jane@example.com", "555 010", "Tuesday", "Questions"]) expect(text).not.toContain(secret);
  });

  it("lists as JSON, filtered by status, still masked", async () => {
    await deadLead();
    expect(await run("--json", "--status", "pending")).toBe(0);
    expect(JSON.parse(out[0]!).leads).toEqual([]);
    out = [];
    expect(await run("list", "--json", "--status", "dead")).toBe(0);
    const parsed = JSON.parse(out[0]!);
    expect(parsed.counts.dead).toBe(1);
    expect(parsed.leads[0]).toMatchObject({ status: "dead", name: "J*** D***", email: "j***@e***.com", createdAt: new Date(1000).toISOString(), nextAttemptAt: null });
    expect(out[0]).not.toContain("jane@example.com");
  });

  it("shows one lead in full, by id or a unique prefix", async () => {
    const id = await deadLead();
    expect(await run("show", id.slice(0, 8))).toBe(0);
    const text = out.join("\n");
    for (const value of ["Jane Doe", "jane@example.com", "+1 555 010 0199", "Tuesday morning", "Questions about sessions"]) expect(text).toContain(value);
    expect(await run("show", "00000000-nope")).toBe(1);
    expect(err.join("\n")).toMatch(/No lead with id/);
  });

  it("never prints bidi controls a stored lead may carry (list, JSON and show)", async () => {
    const rlo = "\u202e";
    const r = await store.insert({ idempotencyKey: "bidi", bodyHash: "h", contact: { ...jane, name: `${rlo}Jane Doe`, reason: `see ${rlo}fdp.exe` }, now: 1000 });
    const id = r.kind === "created" ? r.id : "";
    expect(await run()).toBe(0);
    expect(await run("--json")).toBe(0);
    expect(await run("show", id)).toBe(0);
    expect(await run("show", id, "--json")).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("J*** D***");
    expect(text).toContain("see fdp.exe");
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it("retries a dead lead and refuses other states", async () => {
    const id = await deadLead();
    expect(await run("retry", id)).toBe(0);
    const lead = await store.get(id);
    expect([lead?.status, lead?.attempts, lead?.nextAttemptAt]).toEqual(["pending", 0, 10_000]);
    expect(await run("retry", id)).toBe(1);
    expect(err.join("\n")).toMatch(/still being delivered/);
  });

  it("purges only leads delivered before the cut-off, and only with --yes", async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = 100 * day;
    const at = (n: number) => runLeadsCommand(["purge", "--older-than", String(n), ...extra], store, { out: (t) => out.push(t), err: (t) => err.push(t), now: () => now });
    let extra: string[] = [];
    const stored = async (key: string) => {
      const r = await store.insert({ idempotencyKey: key, bodyHash: key, contact: jane, now: 0 });
      return r.kind === "created" ? r.id : "";
    };
    const old = await stored("old");
    const recent = await stored("recent");
    for (const [id, deliveredAt] of [[old, now - 120 * day], [recent, now - 10 * day]] as const) {
      await store.claimDue(0, { limit: 10, leaseMs: 1 });
      await store.markDelivered(id, deliveredAt);
    }
    const dead = await deadLead();
    const pending = await stored("pending");

    expect(await at(90)).toBe(0);
    expect(out.at(-1)).toMatch(/^1 lead\(s\) were delivered more than 90 days ago\. Run again with --yes/);
    expect(await store.get(old)).not.toBeNull();

    extra = ["--yes"];
    expect(await at(90)).toBe(0);
    expect(out.at(-1)).toBe("Deleted 1 lead(s) delivered more than 90 days ago.");
    expect(await store.get(old)).toBeNull();
    for (const id of [recent, pending, dead]) expect(await store.get(id)).not.toBeNull();

    expect(await at(1)).toBe(0);
    expect(await store.get(recent)).toBeNull();
    expect((await store.counts())).toMatchObject({ delivered: 0, pending: 1, dead: 1 });
  });

  it("explains bad usage", async () => {
    expect(await run("purge")).toBe(2);
    expect(await run("purge", "--older-than", "soon")).toBe(2);
    expect(await run("frobnicate")).toBe(2);
    expect(await run("list", "--status", "lost")).toBe(2);
    expect(await run("retry")).toBe(2);
    expect(await run("--help")).toBe(0);
    expect(out.join("\n")).toMatch(/Usage: npm run leads/);
  });
});
