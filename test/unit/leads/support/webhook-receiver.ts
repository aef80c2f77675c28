/**
 * A real booking-webhook receiver on 127.0.0.1 for outbox tests. It can be
 * taken down (connections refused), answer 503 / 400, hang, or accept.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookRequest } from "../../../../src/leads/signature.js";

export type ReceiverMode = "accept" | "unavailable" | "reject" | "hang";

export interface Receipt {
  idempotencyKey: string | null;
  body: Record<string, unknown>;
  /** null when no secret was given to the receiver. */
  signatureValid: boolean | null;
  status: number | null;
}

export interface WebhookReceiver {
  url: string;
  mode: ReceiverMode;
  /** Every request that reached the receiver, in arrival order. */
  requests: Receipt[];
  /** Requests answered with 2xx. */
  accepted(): Receipt[];
  /** Stops listening: further deliveries get "connection refused". */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(options: { secret?: string; mode?: ReceiverMode } = {}): Promise<WebhookReceiver> {
  const requests: Receipt[] = [];
  const hung: ServerResponse[] = [];
  const receiver = { mode: options.mode ?? "accept" } as WebhookReceiver;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const receipt: Receipt = {
        idempotencyKey: req.headers["idempotency-key"]?.toString() ?? null,
        body: JSON.parse(raw) as Record<string, unknown>,
        signatureValid: options.secret ? verifyWebhookRequest({ secret: options.secret, body: raw, headers: req.headers }).ok : null,
        status: null,
      };
      requests.push(receipt);
      const mode = receiver.mode;
      if (mode === "hang") {
        hung.push(res);
        return;
      }
      receipt.status = mode === "accept" ? 200 : mode === "reject" ? 400 : 503;
      res.writeHead(receipt.status, { "content-type": "application/json" });
      res.end(mode === "reject" ? JSON.stringify({ error: "unknown field", echo: receipt.body }) : "{}");
    });
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const res of hung.splice(0)) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const port = await listen(0);
  receiver.url = `http://127.0.0.1:${port}/booking/leads`;
  receiver.requests = requests;
  receiver.accepted = () => requests.filter((r) => r.status !== null && r.status >= 200 && r.status < 300);
  receiver.down = async () => {
    if (server.listening) await stop();
  };
  receiver.up = async () => {
    if (!server.listening) await listen(port);
  };
  receiver.close = receiver.down;
  return receiver;
}

/** Polls until `check` holds; fails with `what` after `timeoutMs` (a deadline, not a speed assertion). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
