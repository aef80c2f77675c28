/**
 * A real server process is killed (SIGKILL) after answering 202 while its
 * delivery attempt is still in flight; a new process delivers the lead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createDeliverer } from "../../src/leads/deliverer.js";
import { SqliteLeadStore } from "../../src/leads/sqlite-store.js";
import { silentLogger } from "../../src/logger.js";
import { startReceiver, waitFor, type WebhookReceiver } from "../unit/leads/support/webhook-receiver.js";

const src = (p: string) => new URL(`../../src/${p}`, import.meta.url).href;

// The child: the real leads route on @hono/node-server plus a deliverer with a short claim lease.
const CHILD = `
const { serve } = await import("@hono/node-server");
const { Hono } = await import("hono");
const { SqliteLeadStore } = await import(${JSON.stringify(src("leads/sqlite-store.ts"))});
const { createDeliverer } = await import(${JSON.stringify(src("leads/deliverer.ts"))});
const { createLeadsRoutes } = await import(${JSON.stringify(src("http/routes/leads.ts"))});
const { silentLogger } = await import(${JSON.stringify(src("logger.ts"))});
const [dbFile, webhookUrl] = process.argv.slice(1);
const store = new SqliteLeadStore(dbFile);
const deliverer = createDeliverer({ store, webhookUrl, logger: silentLogger, leaseMs: 300, timeoutMs: 60000 });
deliverer.start();
const app = new Hono().route("/api/leads", createLeadsRoutes({ store, deliverer }));
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log("PORT " + info.port));
`;

let dir: string;
let receiver: WebhookReceiver;
let child: ChildProcess | null = null;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "leads-crash-"));
  receiver = await startReceiver();
});
afterEach(async () => {
  child?.kill("SIGKILL");
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

it("delivers, after a restart, a lead whose server was killed right after the 202", async () => {
  const dbFile = path.join(dir, "leads.sqlite");
  receiver.mode = "hang";
  child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD, dbFile, receiver.url], {
    cwd: new URL("../../", import.meta.url).pathname,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child!.once("exit", (code) => reject(new Error(`child exited early with code ${code}`)));
    createInterface({ input: child!.stdout! }).on("line", (line) => {
      const m = /^PORT (\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
  });

  const res = await fetch(`http://127.0.0.1:${port}/api/leads`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": "crash-key" },
    body: JSON.stringify({ name: "Noor", phone: "+1 555 010 0177", consent: true }),
  });
  expect(res.status).toBe(202);
  const { leadId } = (await res.json()) as { leadId: string };

  // The child is mid-delivery (the receiver is holding the request) when it is killed.
  await waitFor("delivery attempt in flight", () => receiver.requests.some((r) => r.idempotencyKey === leadId));
  const exited = new Promise((r) => child!.once("exit", r));
  child.kill("SIGKILL");
  await exited;
  child = null;
  receiver.mode = "accept";

  const store = new SqliteLeadStore(dbFile);
  expect((await store.get(leadId))?.status).toBe("delivering");
  const deliverer = createDeliverer({ store, webhookUrl: receiver.url, logger: silentLogger, pollIntervalMs: 50 });
  deliverer.start();
  try {
    await waitFor("delivered by the new process", async () => (await store.get(leadId))?.status === "delivered");
    expect((await store.get(leadId))?.contact.phone).toBe("+1 555 010 0177");
  } finally {
    await deliverer.stop();
    await store.close();
  }
  expect(receiver.accepted().map((r) => r.idempotencyKey)).toEqual([leadId]);
});
