import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLeadsRoutes } from "../../src/http/routes/leads.js";
import { SqliteLeadStore } from "../../src/leads/sqlite-store.js";
import type { LeadStore } from "../../src/leads/store.js";

let dir: string;
let store: SqliteLeadStore;
let app: Hono;
let notified: number;

const lead = { name: "Ana Lima", email: "ana@example.org", reason: "Questions about the first session", consent: true };

function post(body: unknown, key: string | null = "key-1", headers: Record<string, string> = {}) {
  return app.request("/api/leads", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(key === null ? {} : { "Idempotency-Key": key }), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const total = async () => Object.values(await store.counts()).reduce((a, b) => a + b, 0);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-route-"));
  store = new SqliteLeadStore(path.join(dir, "leads.sqlite"));
  notified = 0;
  app = new Hono().route("/api/leads", createLeadsRoutes({ store, deliverer: { notify: () => notified++ } }));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("POST /api/leads", () => {
  it("stores the lead before answering 202 {leadId} and wakes the deliverer", async () => {
    const res = await post(lead);
    expect(res.status).toBe(202);
    const { leadId } = (await res.json()) as { leadId: string };
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await store.get(leadId);
    expect(stored?.status).toBe("pending");
    expect(stored?.contact).toMatchObject({ name: "Ana Lima", email: "ana@example.org", phone: null });
    expect(notified).toBe(1);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("replays the same reply for the same key and body, storing nothing new", async () => {
    const first = (await (await post(lead)).json()) as { leadId: string };
    // Same meaning, different formatting.
    const again = await post(JSON.stringify({ consent: true, reason: "Questions about the first session ", email: "ana@example.org", name: " Ana Lima" }));
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(first);
    expect(await total()).toBe(1);
    expect(notified).toBe(1);
  });

  it("answers 422 when a key is reused with a different body", async () => {
    await post(lead);
    const res = await post({ ...lead, reason: "Something else" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
    expect(await total()).toBe(1);
  });

  it("stores nothing for unknown fields, missing consent or no contact route", async () => {
    for (const [body, path] of [
      [{ ...lead, diagnosis: "fibromyalgia" }, ""],
      [{ name: "Ana", email: "ana@example.org" }, "consent"],
      [{ ...lead, consent: false }, "consent"],
      [{ name: "Ana", consent: true }, "email"],
      [{ ...lead, reason: "x".repeat(501) }, "reason"],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; details: Array<{ path: string }> } };
      expect(json.error.code).toBe("invalid_request");
      expect(json.error.details.map((d) => d.path)).toContain(path);
    }
    expect(await total()).toBe(0);
    expect(notified).toBe(0);
  });

  it("refuses text with nothing visible (400 naming the field) and stores no bidi controls", async () => {
    for (const [field, value] of [
      ["name", "\u200b\u200b\u200b"],
      ["name", "\u202e\u2066\u200f"],
      ["name", "\u3164 \u00ad"],
      ["preferredTime", "\u200b\u2060"],
      ["reason", "\ufeff\u200d\u200c"],
    ] as const) {
      const res = await post({ ...lead, [field]: value }, `invisible-${field}-${value.codePointAt(0)}`);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { details: Array<{ path: string; message: string }> } };
      const detail = json.error.details.find((d) => d.path === field);
      // Bidi controls are stripped first, which can leave nothing at all.
      expect(detail?.message).toMatch(new RegExp(`^${field} must (contain visible characters|not be empty)$`));
    }
    expect(await total()).toBe(0);

    const res = await post({ ...lead, name: "Ana\u202eexe.fdp", preferredTime: "\u2067Tuesday\u2069 morning", reason: "knee \u202dpain" }, "bidi");
    expect(res.status).toBe(202);
    const stored = await store.get(((await res.json()) as { leadId: string }).leadId);
    expect(stored?.contact).toMatchObject({ name: "Anaexe.fdp", preferredTime: "Tuesday morning", reason: "knee pain" });
  });

  it("requires JSON and a valid Idempotency-Key", async () => {
    expect((await post(lead, "k", { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
    const missing = await post(lead, null);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("missing_idempotency_key");
    expect((await post(lead, "x".repeat(201))).status).toBe(400);
    expect(await total()).toBe(0);
  });

  it("answers 503 and claims nothing when the store fails", async () => {
    const broken: LeadStore = Object.assign(Object.create(store) as LeadStore, {
      insert: async () => {
        throw new Error("SQLITE_FULL: database or disk is full");
      },
    });
    const failing = new Hono().route("/api/leads", createLeadsRoutes({ store: broken, deliverer: { notify: () => notified++ } }));
    const res = await failing.request("/api/leads", { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": "k" }, body: JSON.stringify(lead) });
    expect(res.status).toBe(503);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("lead_store_unavailable");
    expect(json).not.toHaveProperty("leadId");
    expect(notified).toBe(0);
  });
});
