/**
 * Webhook signatures cover the timestamp, the Idempotency-Key and the body:
 * a captured delivery replayed under a fresh key must not verify.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeliverer } from "../../../src/leads/deliverer.js";
import { signWebhook, verifyWebhookRequest } from "../../../src/leads/signature.js";
import { SqliteLeadStore } from "../../../src/leads/sqlite-store.js";
import { silentLogger } from "../../../src/logger.js";

const SECRET = "test-secret-0123456789";
const NOW_MS = 1_800_000_000_000;
const NOW = NOW_MS / 1000;

let dir: string;
let store: SqliteLeadStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-signature-"));
  store = new SqliteLeadStore(path.join(dir, "leads.sqlite"));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the deliverer actually sends: headers and raw body, captured at fetch. */
async function captureDelivery(): Promise<{ headers: Headers; body: string; leadId: string }> {
  const r = await store.insert({
    idempotencyKey: "k",
    bodyHash: "h",
    contact: { name: "Ana Lima", email: "ana@example.org", phone: null, preferredTime: null, reason: null, sessionId: null },
    now: NOW_MS,
  });
  let sent: { headers: Headers; body: string } | null = null;
  const capture: typeof fetch = async (_url, init) => {
    sent = { headers: new Headers(init?.headers), body: String(init?.body) };
    return new Response(null, { status: 204 });
  };
  await createDeliverer({ store, webhookUrl: "https://booking.example/leads", secret: SECRET, logger: silentLogger, fetch: capture, now: () => NOW_MS }).tick();
  if (!sent || r.kind !== "created") throw new Error("nothing was delivered");
  return { ...(sent as { headers: Headers; body: string }), leadId: r.id };
}

describe("webhook signatures", () => {
  it("verifies what the deliverer sends and returns the key to deduplicate on", async () => {
    const { headers, body, leadId } = await captureDelivery();
    expect(headers.get("idempotency-key")).toBe(leadId);
    expect(verifyWebhookRequest({ secret: SECRET, body, headers, nowSeconds: NOW })).toEqual({ ok: true, idempotencyKey: leadId, timestampSeconds: NOW });
    // Node's req.headers shape works too.
    const record = Object.fromEntries(headers.entries());
    expect(verifyWebhookRequest({ secret: SECRET, body, headers: record, nowSeconds: NOW }).ok).toBe(true);
  });

  it("rejects a delivery replayed inside the window under a new Idempotency-Key", async () => {
    const { headers, body } = await captureDelivery();
    const replayed = new Headers(headers);
    replayed.set("idempotency-key", "a-fresh-key-the-receiver-has-never-seen");
    expect(verifyWebhookRequest({ secret: SECRET, body, headers: replayed, nowSeconds: NOW + 60 })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a changed body, a wrong secret, a stale or future timestamp and missing headers", async () => {
    const { headers, body } = await captureDelivery();
    expect(verifyWebhookRequest({ secret: SECRET, body: body.replace("Ana", "Eve"), headers, nowSeconds: NOW })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyWebhookRequest({ secret: "another-secret-0123456789", body, headers, nowSeconds: NOW }).ok).toBe(false);
    expect(verifyWebhookRequest({ secret: SECRET, body, headers, nowSeconds: NOW + 301 })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(verifyWebhookRequest({ secret: SECRET, body, headers, nowSeconds: NOW - 301 })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(verifyWebhookRequest({ secret: SECRET, body, headers, nowSeconds: NOW + 500, toleranceSeconds: 600 }).ok).toBe(true);
    for (const name of ["idempotency-key", "x-signature", "x-signature-timestamp"]) {
      const partial = new Headers(headers);
      partial.delete(name);
      expect(verifyWebhookRequest({ secret: SECRET, body, headers: partial, nowSeconds: NOW })).toEqual({ ok: false, reason: "missing_headers" });
    }
  });

  it("signs exactly '<timestamp>.<key>.<body>' (what the README tells receivers)", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${NOW}.lead-1.{"a":1}`).digest("hex")}`;
    expect(signWebhook(SECRET, { timestampSeconds: NOW, idempotencyKey: "lead-1", body: '{"a":1}' })).toBe(expected);
  });
});
