/**
 * Nothing the server writes may link a person's crisis chat to their lead:
 * no stable session tag beside a crisis route, and no chat session id in a
 * lead unless the clinic opted in.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFingerprinter } from "../../src/logger.js";
import { postChat, startTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { startReceiver, waitFor, type WebhookReceiver } from "../unit/leads/support/webhook-receiver.js";

const SESSION = "patient-session-4f1c9a";
/** What the logs used to carry: a hash anyone can recompute from the session id. */
const OLD_FIXED_TAG = createHash("sha256").update(`clinic-faq:${SESSION}`).digest("hex").slice(0, 12);

let rt: TestRuntime;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startReceiver();
  rt = await startTestRuntime({ BOOKING_WEBHOOK_URL: receiver.url });
});
afterAll(async () => {
  await rt?.dispose();
  await receiver?.close();
});

const chatLogs = () => rt.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "chat");

async function submitLead(app: TestRuntime["app"], key: string) {
  const res = await app.request("/api/leads", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ name: "Ana Lima", email: "ana@example.org", consent: true, sessionId: SESSION }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { leadId: string }).leadId;
}

describe("chat logs", () => {
  it("carry no session tag on a crisis reply, and no recomputable one elsewhere", async () => {
    for (const message of ["How long does one session take?", "I want to end my life", "How many sessions will I need?"]) {
      expect((await postChat(rt.app, { message, sessionId: SESSION })).status).toBe(200);
    }
    const logs = chatLogs();
    const crisis = logs.find((l) => l.type === "emergency");
    expect(crisis).toBeDefined();
    expect(crisis).not.toHaveProperty("session");
    const others = logs.filter((l) => l.type !== "emergency");
    expect(others.length).toBeGreaterThanOrEqual(2);
    // Still correlatable within the process (same tag for the same session)...
    expect(new Set(others.map((l) => l.session)).size).toBe(1);
    // ...but not from the session id: neither the old fixed-salt hash nor the id itself appear anywhere.
    const all = rt.logLines.join("\n");
    expect(all).not.toContain(OLD_FIXED_TAG);
    expect(all).not.toContain(SESSION);
  });
});

describe("leads", () => {
  it("neither store nor deliver the chat session id unless the clinic opts in", async () => {
    const delivered = (leadId: string) => receiver.accepted().find((r) => r.body.leadId === leadId);
    const leadId = await submitLead(rt.app, "privacy-lead-1");
    await waitFor("the lead's delivery", () => delivered(leadId) !== undefined);
    expect(delivered(leadId)!.body.sessionId).toBeNull();
    expect(JSON.stringify(delivered(leadId)!.body)).not.toContain(SESSION);

    const optedIn = await startTestRuntime({ BOOKING_WEBHOOK_URL: receiver.url, LEADS_INCLUDE_SESSION_ID: "true" });
    try {
      const id = await submitLead(optedIn.app, "privacy-lead-2");
      await waitFor("the opted-in lead's delivery", () => delivered(id) !== undefined);
      expect(delivered(id)!.body.sessionId).toBe(SESSION);
    } finally {
      await optedIn.dispose();
    }
  });
});

describe("log fingerprints", () => {
  it("are keyed per process and change every UTC day", () => {
    let now = Date.UTC(2026, 0, 1, 23, 59);
    const a = createFingerprinter({ now: () => now });
    const b = createFingerprinter({ now: () => now });
    const today = a(SESSION);
    expect(a(SESSION)).toBe(today);
    expect(today).toMatch(/^[0-9a-f]{12}$/);
    expect(b(SESSION)).not.toBe(today);
    expect(today).not.toBe(OLD_FIXED_TAG);
    now += 2 * 60_000;
    expect(a(SESSION)).not.toBe(today);
  });
});
