/**
 * The outbox against a real local webhook receiver: leads are never lost,
 * never sent twice, survive restarts, and dead-letter after the cap.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLeadsRoutes } from "../../src/http/routes/leads.js";
import { createDeliverer, type Deliverer, type DelivererOptions } from "../../src/leads/deliverer.js";
import { SqliteLeadStore } from "../../src/leads/sqlite-store.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { startReceiver, waitFor, type WebhookReceiver } from "../unit/leads/support/webhook-receiver.js";

const SECRET = "outbox-test-secret-123";
const FAST = { baseDelayMs: 5, maxDelayMs: 25, timeoutMs: 2_000, pollIntervalMs: 25, concurrency: 8 };

let dir: string;
let dbFile: string;
let receiver: WebhookReceiver;
let logLines: string[];
let logger: Logger;
const open: Array<{ close(): Promise<void> } | Deliverer> = [];

function openStore() {
  const store = new SqliteLeadStore(dbFile);
  open.push(store);
  return store;
}
function startDeliverer(options: Omit<DelivererOptions, "webhookUrl" | "logger" | "secret"> & Partial<DelivererOptions>) {
  const deliverer = createDeliverer({ webhookUrl: receiver.url, secret: SECRET, logger, ...FAST, ...options });
  open.push(deliverer);
  deliverer.start();
  return deliverer;
}
function appFor(store: SqliteLeadStore, deliverer?: Deliverer) {
  return new Hono().route("/api/leads", createLeadsRoutes({ store, logger, ...(deliverer ? { deliverer } : {}) }));
}
async function submit(app: Hono, key: string, body: Record<string, unknown>) {
  const res = await app.request("/api/leads", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify({ consent: true, ...body }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { leadId: string }).leadId;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-outbox-"));
  dbFile = path.join(dir, "leads.sqlite");
  receiver = await startReceiver({ secret: SECRET });
  logLines = [];
  logger = createLogger("debug", (l) => logLines.push(l));
});
afterEach(async () => {
  for (const item of open.splice(0).reverse()) {
    if ("stop" in item) await item.stop();
    else await item.close();
  }
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("leads outbox", () => {
  it("accepts 200 leads while the receiver is down and delivers each exactly once after it returns", async () => {
    await receiver.down();
    const store = openStore();
    const deliverer = startDeliverer({ store, maxAttempts: 100_000 });
    const app = appFor(store, deliverer);

    const submitted = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => ({
        i,
        leadId: await submit(app, `key-${i}`, { name: `Patient ${i}`, email: `patient${i}@example.org` }),
      })),
    );
    const ids = new Set(submitted.map((s) => s.leadId));
    expect(ids.size).toBe(200);

    // Every lead has failed at least twice against the dead receiver (connection refused).
    await waitFor("two failed attempts per lead", async () => (await store.list({ limit: 1000 })).every((l) => l.attempts >= 2));
    expect((await store.counts()).delivered).toBe(0);
    expect((await store.list({ limit: 1 }))[0]?.lastError).toMatch(/network error/);

    await receiver.up();
    await waitFor("all 200 delivered", async () => (await store.counts()).delivered === 200);

    const accepted = receiver.accepted();
    expect(accepted).toHaveLength(200);
    expect(new Set(accepted.map((r) => r.idempotencyKey))).toEqual(ids);
    for (const { i, leadId } of submitted) {
      const receipt = accepted.find((r) => r.idempotencyKey === leadId)!;
      expect(receipt.body).toMatchObject({ leadId, name: `Patient ${i}`, email: `patient${i}@example.org` });
      expect(receipt.signatureValid).toBe(true);
    }
    // Nothing left to send: a further pass sends nothing.
    expect((await deliverer.tick()).attempted).toBe(0);
    expect(receiver.requests).toHaveLength(200);
  });

  it("delivers a lead stored by a process that stopped before delivering it", async () => {
    const before = openStore();
    const leadId = await submit(appFor(before), "restart-1", { name: "Rae", phone: "+1 555 010 0142" });
    await before.close();
    expect(receiver.requests).toHaveLength(0);

    const after = openStore();
    startDeliverer({ store: after });
    await waitFor("delivered after restart", async () => (await after.get(leadId))?.status === "delivered");
    expect(receiver.accepted().map((r) => r.idempotencyKey)).toEqual([leadId]);
  });

  it("takes over a lead whose delivery was interrupted mid-attempt once the claim lease expires", async () => {
    const crashed = openStore();
    const leadId = await submit(appFor(crashed), "crash-1", { name: "Sol", email: "sol@example.org" });
    // A process claimed the lead for delivery, then died without recording the outcome.
    await crashed.claimDue(Date.now(), { limit: 10, leaseMs: 200 });
    await crashed.close();

    const store = openStore();
    expect((await store.get(leadId))?.status).toBe("delivering");
    startDeliverer({ store });
    await waitFor("delivered after the lease expired", async () => (await store.get(leadId))?.status === "delivered");
    expect(receiver.accepted()).toHaveLength(1);
  });

  it("dead-letters a lead after the attempt cap on a permanent 400, keeps it, and a staff retry delivers it", async () => {
    receiver.mode = "reject";
    const store = openStore();
    const deliverer = startDeliverer({ store, maxAttempts: 3 });
    const leadId = await submit(appFor(store, deliverer), "reject-1", { name: "Kim", email: "kim@example.org", reason: "Knee pain" });

    await waitFor("dead-lettered", async () => (await store.get(leadId))?.status === "dead");
    const dead = await store.get(leadId);
    expect([dead?.attempts, dead?.lastError]).toEqual([3, "HTTP 400"]);
    expect(dead?.contact).toMatchObject({ name: "Kim", email: "kim@example.org", reason: "Knee pain" });
    expect(receiver.requests.filter((r) => r.idempotencyKey === leadId)).toHaveLength(3);
    // No more attempts once dead.
    expect((await deliverer.tick()).attempted).toBe(0);

    receiver.mode = "accept";
    expect(await store.retryDead(leadId, Date.now())).toBe(true);
    deliverer.notify();
    await waitFor("delivered after staff retry", async () => (await store.get(leadId))?.status === "delivered");
    expect(receiver.accepted().map((r) => r.idempotencyKey)).toEqual([leadId]);
  });

  it("never writes contact details to the logs", async () => {
    receiver.mode = "unavailable";
    const store = openStore();
    const deliverer = startDeliverer({ store, maxAttempts: 100 });
    const app = appFor(store, deliverer);
    const details = { name: "Zephyrine Quartermaine", email: "zq.private@mailbox.example", phone: "+44 20 7946 0321", preferredTime: "Thursdays after 4pm", reason: "Curious about infusion length" };
    const leadId = await submit(app, "privacy-1", details);
    await submit(app, "privacy-1", details);
    await app.request("/api/leads", { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": "privacy-1" }, body: JSON.stringify({ ...details, consent: true, name: "Other Person" }) });
    await waitFor("a failed attempt", async () => ((await store.get(leadId))?.attempts ?? 0) >= 2);
    receiver.mode = "reject";
    await waitFor("a rejected attempt", () => receiver.requests.some((r) => r.status === 400));
    receiver.mode = "accept";
    await waitFor("delivered", async () => (await store.get(leadId))?.status === "delivered");
    await deliverer.stop();

    const log = logLines.join("\n");
    expect(log).toContain(leadId);
    expect(log).toContain("lead delivered");
    const fragments = [
      ...Object.values(details),
      "Zephyrine",
      "Quartermaine",
      "zq.private",
      "mailbox.example",
      "7946",
      "Thursdays",
      "infusion",
      "Other Person",
    ];
    for (const fragment of fragments) expect(log.toLowerCase()).not.toContain(fragment.toLowerCase());
  });
});
