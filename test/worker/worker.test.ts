/**
 * The Cloudflare Worker in the real workerd runtime (`wrangler dev` on the
 * project's wrangler.toml): the same chat contract as the Node server, leads
 * stored in D1 and delivered by the scheduled handler to a webhook.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatReplySchema, type ChatReply } from "../../src/contract.js";
import { runEvalCli } from "../../src/eval/cli.js";
import { verifyWebhookRequest } from "../../src/leads/signature.js";
import { startWranglerDev, type WranglerDev } from "../helpers/wrangler-dev.js";

const SECRET = "worker-test-webhook-secret";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A booking system stand-in: answers `status()` and records what it received. */
function startWebhook() {
  const received: Received[] = [];
  let status = 503;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; setStatus(s: number): void; close(): Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/booking-hook`,
        received,
        setStatus: (s) => (status = s),
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

let worker: WranglerDev;
let webhook: Awaited<ReturnType<typeof startWebhook>>;

beforeAll(async () => {
  webhook = await startWebhook();
  worker = await startWranglerDev({ vars: { BOOKING_WEBHOOK_URL: webhook.url, BOOKING_WEBHOOK_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "info", LEAD_RETENTION_DAYS: "30" } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await webhook?.close();
});

async function chat(message: string, history?: Array<{ role: "user" | "assistant"; content: string }>): Promise<ChatReply> {
  const res = await fetch(`${worker.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(history ? { message, history } : { message }) });
  expect(res.status).toBe(200);
  return ChatReplySchema.parse(await res.json());
}

describe("Worker on workerd", () => {
  it("is ready, serving the bundled edge index", async () => {
    const res = await fetch(`${worker.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", articles: 5, embedder: "none (BM25 + lexicon)", answerer: "extractive" });
  });

  it("answers from the articles with numbered citations and the disclaimer", async () => {
    const reply = await chat("How long does a ketamine session last?");
    expect(reply.type).toBe("answer");
    expect(reply.text).toMatch(/hour/i);
    expect(reply.citations.length).toBeGreaterThan(0);
    for (const c of reply.citations) expect(reply.text).toContain(`[${c.n}]`);
    expect(reply.disclaimer.length).toBeGreaterThan(20);
  });

  it("puts emergency guidance first for a crisis message, with call actions", async () => {
    const reply = await chat("i just want it all to end tonight");
    expect(reply.type).toBe("emergency");
    expect(reply.text).toMatch(/988/);
    expect(reply.citations).toEqual([]);
    expect(reply.actions.some((a) => a.kind === "call" && a.href.startsWith("tel:"))).toBe(true);
    // A medical emergency gets the bundled clinic's medical text, the emergency number first, as on Node.
    expect((await chat("I have crushing chest pressure and I'm sweating, it's spreading to my jaw")).text).toMatch(/^Please call 911 now/);
  });

  it("grades crisis risk like Node: the notice from the bundled clinic config, and a follow-up read with the earlier turn", async () => {
    // The bundled risk model (lexical variant) decides as on Node: a lookalike question gets no notice,
    // a wish to be gone gets it, a lethality question the emergency reply.
    expect((await chat("is suicide risk a side effect of ketamine?")).safety).toBeUndefined();
    expect((await chat("how many of my pills would be a lethal dose?")).type).toBe("emergency");
    const noticed = await chat("I wish I wasn't here anymore. what are the side effects?");
    expect(noticed.type).not.toBe("emergency");
    expect(noticed.safety?.level).toBe("possible");
    expect(noticed.safety?.text).toMatch(/988/);
    expect(noticed.safety?.actions.some((a) => a.kind === "call" && a.href.startsWith("tel:"))).toBe(true);
    expect((await chat("How long does a ketamine session last?")).safety).toBeUndefined();
    const followUp = await chat("yes, tonight", [
      { role: "user", content: "I have been thinking about ending my life" },
      { role: "assistant", content: "..." },
    ]);
    expect(followUp.type).toBe("emergency");
  });

  it("says it does not have the information when the articles do not cover it", async () => {
    const reply = await chat("Do you take Blue Cross insurance?");
    expect(reply.type).toBe("no_answer");
    expect(reply.citations).toEqual([]);
  });

  it("rejects bad input with a JSON error: 400 for invalid bodies, 413 for oversized ones", async () => {
    const post = (body: string) => fetch(`${worker.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const bad = await post("{not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBeTruthy();
    const missing = await post(JSON.stringify({ history: [] }));
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toMatch(/message/);
    const huge = await post(JSON.stringify({ message: "x".repeat(200_000) }));
    expect(huge.status).toBe(413);
  });

  it("serves the widget and the demo page", async () => {
    const js = await fetch(`${worker.url}/widget.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect((await js.text()).length).toBeGreaterThan(1000);
    const page = await fetch(`${worker.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${worker.url}/widget.js`);
  });

  it("stores a lead in D1 before the 202 and the cron handler delivers it, signed, after a failed attempt", async () => {
    webhook.setStatus(503); // The booking system is down when the lead arrives.
    const lead = { name: "Worker Test", email: "worker.test@example.com", consent: true };
    const res = await fetch(`${worker.url}/api/leads`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "worker-test-lead-0001" },
      body: JSON.stringify(lead),
    });
    expect(res.status).toBe(202);
    const { leadId } = (await res.json()) as { leadId: string };

    // Stored durably even though delivery failed.
    await expect.poll(async () => (await worker.d1<{ status: string; attempts: number }>(`SELECT status, attempts FROM leads WHERE id = '${leadId}'`))[0], { timeout: 20_000 }).toMatchObject({
      status: "pending",
      attempts: 1,
    });

    // The booking system recovers; once the backoff has passed, the cron pass delivers.
    webhook.setStatus(200);
    const due = (await worker.d1<{ next_attempt_at: number }>(`SELECT next_attempt_at FROM leads WHERE id = '${leadId}'`))[0]!.next_attempt_at;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 200));
    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(cron.status).toBe(200);
    await expect.poll(async () => (await worker.d1<{ status: string }>(`SELECT status FROM leads WHERE id = '${leadId}'`))[0]?.status, { timeout: 20_000 }).toBe("delivered");

    const deliveries = webhook.received.filter((r) => r.headers["idempotency-key"] === leadId);
    expect(deliveries.length).toBe(2);
    const last = deliveries.at(-1)!;
    expect(JSON.parse(last.body)).toMatchObject({ leadId, name: "Worker Test", email: "worker.test@example.com" });
    // Signed by the same deliverer as on Node: timestamp, Idempotency-Key and body.
    expect(verifyWebhookRequest({ secret: SECRET, body: last.body, headers: last.headers as Record<string, string> })).toMatchObject({ ok: true, idempotencyKey: leadId });

    // A retried submission is the same lead, not a second one.
    const replay = await fetch(`${worker.url}/api/leads`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "worker-test-lead-0001" },
      body: JSON.stringify(lead),
    });
    expect(replay.status).toBe(202);
    expect(((await replay.json()) as { leadId: string }).leadId).toBe(leadId);
    // The same key with other details is refused, not stored over the first lead.
    const reused = await fetch(`${worker.url}/api/leads`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "worker-test-lead-0001" },
      body: JSON.stringify({ ...lead, name: "Someone Else" }),
    });
    expect(reused.status).toBe(422);
    expect(await worker.d1<{ n: number }>("SELECT COUNT(*) AS n FROM leads")).toEqual([{ n: 1 }]);
    // Contact details never reach the logs.
    expect(worker.output()).not.toContain("worker.test@example.com");
  });

  it("deletes delivered leads past LEAD_RETENTION_DAYS in the cron pass, and nothing else", async () => {
    const old = Date.now() - 45 * 24 * 60 * 60 * 1000;
    await worker.d1(
      `INSERT INTO leads (id, idempotency_key, body_hash, payload, status, attempts, created_at, updated_at, delivered_at)
       VALUES ('retention-old', 'retention-old', 'h', '{}', 'delivered', 1, ${old}, ${old}, ${old})`,
    );
    const before = await worker.d1<{ n: number }>("SELECT COUNT(*) AS n FROM leads");
    const cron = await fetch(`${worker.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(cron.status).toBe(200);
    await expect.poll(async () => (await worker.d1<{ id: string }>("SELECT id FROM leads WHERE id = 'retention-old'")).length, { timeout: 20_000 }).toBe(0);
    expect(await worker.d1<{ n: number }>("SELECT COUNT(*) AS n FROM leads")).toEqual([{ n: before[0]!.n - 1 }]);
  });

  it("passes the smoke eval suite over HTTP, like the Node server", async () => {
    const out: string[] = [];
    const code = await runEvalCli(["--suite", path.resolve(import.meta.dirname, "../../evals/ketamine-pain/smoke.jsonl"), "--url", worker.url], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      progress: false,
      env: { PATH: process.env.PATH },
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    expect(out.join("\n")).toContain("Eval passed.");
    expect(code).toBe(0);
  });
});

describe("Worker with a bad edge index", () => {
  let broken: WranglerDev;
  beforeAll(async () => {
    broken = await startWranglerDev({ editEdgeIndex: (edge) => ({ ...edge, schemaVersion: 99 }) });
  }, 180_000);
  afterAll(async () => {
    await broken?.stop();
  });

  it("answers nothing and says how to fix it", async () => {
    for (const res of [await fetch(`${broken.url}/readyz`), await fetch(`${broken.url}/api/chat`, { method: "POST", body: JSON.stringify({ message: "How long is a session?" }) })]) {
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_ready");
      expect(body.error.message).toMatch(/schema version 99/);
      expect(body.error.message).toMatch(/npm run index/);
    }
  });
});
