import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeliverer } from "../../../src/leads/deliverer.js";
import type { LeadContact } from "../../../src/leads/schema.js";
import { SqliteLeadStore } from "../../../src/leads/sqlite-store.js";
import { createLogger } from "../../../src/logger.js";
import { startReceiver, waitFor, type WebhookReceiver } from "./support/webhook-receiver.js";

const SECRET = "test-secret-0123456789";
const contact: LeadContact = { name: "Ana Lima", email: "ana@example.org", phone: "+1 555 010 0199", preferredTime: "mornings", reason: null, sessionId: "s-1" };

let dir: string;
let store: SqliteLeadStore;
let receiver: WebhookReceiver;
let logLines: string[];
const logger = () => createLogger("debug", (l) => logLines.push(l));

async function addLead(key = "k1", now = Date.now()): Promise<string> {
  const r = await store.insert({ idempotencyKey: key, bodyHash: key, contact, now });
  if (r.kind !== "created") throw new Error("expected a new lead");
  return r.id;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-deliverer-"));
  store = new SqliteLeadStore(path.join(dir, "leads.sqlite"));
  receiver = await startReceiver({ secret: SECRET });
  logLines = [];
});
afterEach(async () => {
  await receiver.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("createDeliverer", () => {
  it("POSTs the lead as signed JSON with the lead id as Idempotency-Key, then marks it delivered", async () => {
    const id = await addLead();
    const deliverer = createDeliverer({ store, webhookUrl: receiver.url, secret: SECRET, logger: logger() });
    expect(await deliverer.tick()).toEqual({ attempted: 1, delivered: 1, retrying: 0, dead: 0 });
    expect(receiver.requests).toHaveLength(1);
    const [receipt] = receiver.requests;
    expect(receipt!.idempotencyKey).toBe(id);
    expect(receipt!.signatureValid).toBe(true);
    expect(receipt!.body).toMatchObject({ leadId: id, ...contact });
    expect(typeof receipt!.body.createdAt).toBe("string");
    const stored = await store.get(id);
    expect([stored?.status, stored?.attempts, stored?.lastError]).toEqual(["delivered", 1, null]);
    expect(await deliverer.tick()).toEqual({ attempted: 0, delivered: 0, retrying: 0, dead: 0 });
  });

  it("sends no signature headers without a secret", async () => {
    await addLead();
    const plain = await startReceiver();
    let headers: Headers | undefined;
    const spyFetch: typeof fetch = async (input, init) => {
      headers = new Headers(init?.headers);
      return fetch(input, init);
    };
    await createDeliverer({ store, webhookUrl: plain.url, logger: logger(), fetch: spyFetch }).tick();
    expect(headers?.get("x-signature")).toBeNull();
    expect(headers?.get("content-type")).toBe("application/json");
    expect(plain.accepted()).toHaveLength(1);
    await plain.close();
  });

  it("schedules a retry with jittered exponential backoff after a failure", async () => {
    const now = 1_000_000;
    const id = await addLead("k", now);
    receiver.mode = "unavailable";
    const deliverer = createDeliverer({ store, webhookUrl: receiver.url, logger: logger(), now: () => now, random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 60_000 });
    expect((await deliverer.tick()).retrying).toBe(1);
    let lead = await store.get(id);
    expect([lead?.status, lead?.attempts, lead?.nextAttemptAt, lead?.lastError]).toEqual(["pending", 1, now + 500, "HTTP 503"]);
    // Not due yet at the same instant.
    expect((await deliverer.tick()).attempted).toBe(0);
    const later = createDeliverer({ store, webhookUrl: receiver.url, logger: logger(), now: () => now + 500, random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 60_000 });
    await later.tick();
    lead = await store.get(id);
    expect([lead?.attempts, lead?.nextAttemptAt]).toEqual([2, now + 500 + 1000]);
  });

  it("honours Retry-After on 429", async () => {
    const now = 5_000_000;
    const id = await addLead("k", now);
    const tooMany: typeof fetch = async () => new Response("slow down", { status: 429, headers: { "Retry-After": "120" } });
    const deliverer = createDeliverer({ store, webhookUrl: receiver.url, logger: logger(), fetch: tooMany, now: () => now, random: () => 0.5, baseDelayMs: 10 });
    await deliverer.tick();
    const lead = await store.get(id);
    expect([lead?.nextAttemptAt, lead?.lastError]).toEqual([now + 120_000, "HTTP 429"]);
  });

  it("does not follow redirects (the payload must not travel to another host)", async () => {
    const id = await addLead();
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: receiver.url });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hook`;
    await createDeliverer({ store, webhookUrl: url, logger: logger() }).tick();
    expect(receiver.requests).toHaveLength(0);
    expect((await store.get(id))?.lastError).toBe("HTTP 307");
    await new Promise((r) => redirector.close(r));
  });

  it("gives up on an attempt after the timeout", async () => {
    const id = await addLead();
    receiver.mode = "hang";
    await createDeliverer({ store, webhookUrl: receiver.url, logger: logger(), timeoutMs: 100 }).tick();
    const lead = await store.get(id);
    expect([lead?.status, lead?.lastError]).toEqual(["pending", "timeout after 100 ms"]);
  });

  it("dead-letters a lead whose attempts were all interrupted, without sending it again", async () => {
    const id = await addLead("k", 0);
    // Two claims by processes that died mid-delivery (their leases expired).
    await store.claimDue(0, { limit: 1, leaseMs: 1 });
    await store.claimDue(1, { limit: 1, leaseMs: 1 });
    const result = await createDeliverer({ store, webhookUrl: receiver.url, logger: logger(), maxAttempts: 2, now: () => 10 }).tick();
    expect(result.dead).toBe(1);
    expect(receiver.requests).toHaveLength(0);
    expect((await store.get(id))?.status).toBe("dead");
  });

  it("keeps leads pending and warns once when no webhook is configured", async () => {
    const id = await addLead();
    const deliverer = createDeliverer({ store, webhookUrl: null, logger: logger() });
    expect(deliverer.enabled).toBe(false);
    deliverer.start();
    deliverer.start();
    deliverer.notify();
    expect((await deliverer.tick()).attempted).toBe(0);
    await deliverer.stop();
    expect((await store.get(id))?.status).toBe("pending");
    expect(logLines.filter((l) => l.includes("BOOKING_WEBHOOK_URL is not set"))).toHaveLength(1);
  });

  it("runs in the background once started and stop() waits for the attempt in flight", async () => {
    const first = await addLead("a");
    const deliverer = createDeliverer({ store, webhookUrl: receiver.url, logger: logger(), pollIntervalMs: 50 });
    deliverer.start();
    await waitFor("first lead delivered", async () => (await store.get(first))?.status === "delivered");
    receiver.mode = "hang";
    const second = await addLead("b");
    deliverer.notify();
    await waitFor("second lead sent", () => receiver.requests.some((r) => r.idempotencyKey === second));
    // stop() must wait for the hung attempt, which ends when the receiver drops the connection.
    const stopped = deliverer.stop();
    await receiver.down();
    await stopped;
    expect((await store.get(second))?.status).toBe("pending");
  });
});
