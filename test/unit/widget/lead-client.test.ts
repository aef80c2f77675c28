import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LeadRequestSchema } from "../../../src/leads/schema.js";
import { createKeyKeeper, fieldErrorsFrom, newIdempotencyKey, submitLead, validateLead, type LeadFields } from "../../../src/widget/lead-client.js";

const valid: LeadFields = { name: "Ada Lovelace", email: "ada@example.com", phone: "", preferredTime: "Weekday mornings", reason: "", consent: true };

describe("validateLead", () => {
  it("builds the API payload, leaving out blank optional fields", () => {
    const result = validateLead({ ...valid, name: "  Ada Lovelace ", reason: " Questions about sessions " }, "sess_1");
    expect(result).toEqual({
      ok: true,
      payload: { name: "Ada Lovelace", email: "ada@example.com", preferredTime: "Weekday mornings", reason: "Questions about sessions", consent: true, sessionId: "sess_1" },
    });
  });

  it("requires a name, a way to reach the patient and consent", () => {
    const result = validateLead({ name: " ", email: "", phone: "", preferredTime: "", reason: "", consent: false }, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["consent", "email", "name"]);
  });

  it("rejects malformed contact details and an over-long reason", () => {
    const result = validateLead({ ...valid, email: "ada@", phone: "12-34", reason: "x".repeat(501) }, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["email", "phone", "reason"]);
  });

  it("never sends what the API would reject (same rules as src/leads/schema.ts)", () => {
    const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
    const fields = fc.record({
      name: pick("", " ", "Ada", "x".repeat(100), "x".repeat(101), "tab\there"),
      email: pick("", "ada@example.com", "a@b", "not an email", "a b@c.de", `${"a".repeat(250)}@b.co`),
      phone: pick("", "+1 (555) 010-0199", "555-0101", "123456", "12345678901234567890123", "call me", "+44 20 7946 0958"),
      preferredTime: pick("", "Weekday mornings", "x".repeat(101)),
      reason: pick("", "A question\nabout sessions", "x".repeat(500), "x".repeat(501), "bell\u0007"),
      consent: fc.boolean(),
    });
    fc.assert(
      fc.property(fields, (f) => {
        const client = validateLead(f, "s1");
        if (client.ok) expect(LeadRequestSchema.safeParse(client.payload).success).toBe(true);
        const server = LeadRequestSchema.safeParse({ ...f, sessionId: "s1" });
        if (!server.success) expect(client.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("idempotency keys", () => {
  it("are 128-bit random hex", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it("are reused for the same submission and renewed when the form changes", () => {
    const keys = createKeyKeeper();
    const payload = { name: "Ada", email: "ada@example.com", consent: true as const };
    const first = keys.keyFor(payload);
    expect(keys.keyFor({ ...payload })).toBe(first);
    const edited = keys.keyFor({ ...payload, email: "ada@example.org" });
    expect(edited).not.toBe(first);
  });
});

type Reply = Response | Error;
function fakeFetch(...replies: Reply[]) {
  const calls: Array<{ url: string; headers: Headers; body: unknown }> = [];
  return {
    calls,
    fetch: async (url: string, init: RequestInit) => {
      calls.push({ url, headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
      const next = replies.shift();
      if (!next) throw new Error("unexpected extra request");
      if (next instanceof Error) throw next;
      return next;
    },
  };
}
const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const payload = { name: "Ada", phone: "+1 555 010 0199", consent: true as const };

describe("submitLead", () => {
  it("posts the payload with the idempotency key and returns the lead id", async () => {
    const { fetch, calls } = fakeFetch(json({ leadId: "lead_1" }, 202));
    expect(await submitLead({ apiBase: "https://api.example", payload, idempotencyKey: "k1", fetch })).toEqual({ ok: true, leadId: "lead_1" });
    expect(calls[0]!.url).toBe("https://api.example/api/leads");
    expect(calls[0]!.headers.get("idempotency-key")).toBe("k1");
    expect(calls[0]!.body).toEqual(payload);
  });

  it("retries network failures with growing delays and the same key", async () => {
    const delays: number[] = [];
    const { fetch, calls } = fakeFetch(new TypeError("Failed to fetch"), new TypeError("Failed to fetch"), json({ leadId: "lead_2" }, 202));
    const result = await submitLead({ apiBase: "", payload, idempotencyKey: "k2", fetch, sleep: async (ms) => void delays.push(ms), baseDelayMs: 100 });
    expect(result).toEqual({ ok: true, leadId: "lead_2" });
    expect(delays).toEqual([100, 200]);
    expect(calls.map((c) => c.headers.get("idempotency-key"))).toEqual(["k2", "k2", "k2"]);
  });

  it("gives up after the retries with a network failure", async () => {
    const { fetch, calls } = fakeFetch(...Array.from({ length: 4 }, () => new TypeError("Failed to fetch")));
    const result = await submitLead({ apiBase: "", payload, idempotencyKey: "k3", fetch, sleep: async () => {}, retries: 3 });
    expect(result).toMatchObject({ ok: false, kind: "network" });
    expect(calls).toHaveLength(4);
  });

  it("maps the API's field details onto form fields for 400/422", async () => {
    const body = { error: { code: "invalid_request", message: "Invalid lead.", details: [{ path: "email", message: "email must be a valid email address" }] } };
    const { fetch, calls } = fakeFetch(json(body, 422));
    const result = await submitLead({ apiBase: "", payload, idempotencyKey: "k4", fetch });
    expect(result).toMatchObject({ ok: false, kind: "invalid", fieldErrors: { email: "Email must be a valid email address." } });
    expect(calls).toHaveLength(1);
  });

  it("does not retry rate limits or server errors", async () => {
    const rate = fakeFetch(json({ error: { code: "rate_limited", message: "Too many" } }, 429));
    expect(await submitLead({ apiBase: "", payload, idempotencyKey: "k5", fetch: rate.fetch })).toMatchObject({ ok: false, kind: "rate_limited" });
    const down = fakeFetch(new Response("oops", { status: 503 }));
    expect(await submitLead({ apiBase: "", payload, idempotencyKey: "k6", fetch: down.fetch })).toMatchObject({ ok: false, kind: "server" });
    expect(rate.calls.length + down.calls.length).toBe(2);
  });
});

describe("fieldErrorsFrom", () => {
  it("ignores unknown fields and malformed details", () => {
    expect(fieldErrorsFrom([{ path: "other", message: "x" }, "junk", { path: "name" }, { path: "name", message: "name must not be empty" }])).toEqual({ name: "Name must not be empty." });
    expect(fieldErrorsFrom(undefined)).toEqual({});
  });
});
