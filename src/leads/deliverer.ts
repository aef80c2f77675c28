/**
 * The outbox deliverer: sends stored leads to the booking webhook until each
 * is acknowledged (2xx) or dead-lettered after `maxAttempts`. Delivery state
 * lives in the `LeadStore`, so pending leads survive restarts, and a lead
 * claimed by a process that died is taken over when its lease expires.
 *
 * Delivery is at-least-once: a receiver that answered but whose reply was lost
 * sees the lead again with the same `Idempotency-Key` (the lead id).
 */
import type { Logger } from "../logger.js";
import { backoffDelayMs, parseRetryAfterMs } from "./backoff.js";
import type { LeadWebhookPayload } from "./schema.js";
import { IDEMPOTENCY_KEY_HEADER, SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, signWebhook } from "./signature.js";
import type { ClaimedLead, LeadStore } from "./store.js";

export interface DeliveryTuning {
  /** Per-attempt HTTP timeout. */
  timeoutMs: number;
  /** Attempts before a lead is dead-lettered (staff can retry it with `npm run leads -- retry <id>`). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Webhook requests in flight at once. */
  concurrency: number;
  /** Leads claimed per pass. */
  batchSize: number;
  /** Longest sleep between passes when nothing is due (also how soon a CLI retry is noticed). */
  pollIntervalMs: number;
}

/** Roughly 3 hours of retries (full jitter halves the expected waits) before a lead needs staff attention. */
export const DEFAULT_DELIVERY: DeliveryTuning = {
  timeoutMs: 10_000,
  maxAttempts: 15,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60 * 1000,
  concurrency: 4,
  batchSize: 50,
  pollIntervalMs: 15_000,
};

export interface DelivererOptions extends Partial<DeliveryTuning> {
  store: LeadStore;
  /** Null: leads are kept pending (visible to staff) until a webhook is configured. */
  webhookUrl: string | null;
  secret?: string | null;
  logger: Logger;
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => number;
  /** Claim lease; defaults to twice the attempt timeout plus 5 s. */
  leaseMs?: number;
}

export interface TickResult {
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
}

export interface Deliverer {
  readonly enabled: boolean;
  /** Starts the background loop (no-op without a webhook URL, after logging a warning). */
  start(): void;
  /** Stops the loop and waits for attempts in flight. */
  stop(): Promise<void>;
  /** Runs one pass over due leads (tests drive this directly). Passes never overlap. */
  tick(): Promise<TickResult>;
  /** A lead was stored: run a pass soon instead of waiting for the poll interval. */
  notify(): void;
}

type AttemptOutcome = { ok: true } | { ok: false; error: string; retryAfterMs: number | null };

export function createDeliverer(options: DelivererOptions): Deliverer {
  const tuning: DeliveryTuning = { ...DEFAULT_DELIVERY, ...definedOnly(options) };
  const { store, webhookUrl, logger } = options;
  const secret = options.secret ?? null;
  const doFetch = options.fetch ?? globalThis.fetch;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? tuning.timeoutMs * 2 + 5_000;

  let passChain: Promise<unknown> = Promise.resolve();
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wakeRequested = false;
  let loopBusy = false;
  let currentLoop: Promise<void> = Promise.resolve();
  let warnedDisabled = false;

  async function attempt(lead: ClaimedLead): Promise<AttemptOutcome> {
    const payload: LeadWebhookPayload = { leadId: lead.id, createdAt: new Date(lead.createdAt).toISOString(), ...lead.contact };
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { "Content-Type": "application/json", [IDEMPOTENCY_KEY_HEADER]: lead.id };
    if (secret) {
      const timestamp = Math.floor(now() / 1000);
      headers[SIGNATURE_TIMESTAMP_HEADER] = String(timestamp);
      // The key is signed with the body: a replay under a fresh key must not verify.
      headers[SIGNATURE_HEADER] = signWebhook(secret, { timestampSeconds: timestamp, idempotencyKey: lead.id, body });
    }
    try {
      const res = await doFetch(webhookUrl!, {
        method: "POST",
        headers,
        body,
        // A redirect could carry contact details to another host: refuse to follow.
        redirect: "manual",
        signal: AbortSignal.timeout(tuning.timeoutMs),
      });
      // Only the status matters; the body is never read (it might echo personal data into errors).
      await res.body?.cancel().catch(() => {});
      if (res.status >= 200 && res.status < 300) return { ok: true };
      return { ok: false, error: `HTTP ${res.status}`, retryAfterMs: parseRetryAfterMs(res.headers.get("retry-after"), now()) };
    } catch (err) {
      return { ok: false, error: describeNetworkError(err, tuning.timeoutMs), retryAfterMs: null };
    }
  }

  async function deliver(lead: ClaimedLead, result: TickResult): Promise<void> {
    result.attempted++;
    // Attempts are counted when claimed, so a lead whose attempts keep crashing the process still reaches the cap.
    if (lead.attempts > tuning.maxAttempts) {
      await store.markFailed(lead.id, { claimToken: lead.claimToken, error: `${lead.lastError ?? "interrupted"}; gave up`, nextAttemptAt: null, now: now() });
      result.dead++;
      logger.warn("lead dead-lettered", { leadId: lead.id, attempts: lead.attempts - 1 });
      return;
    }
    const outcome = await attempt(lead);
    const at = now();
    if (outcome.ok) {
      await store.markDelivered(lead.id, at);
      result.delivered++;
      logger.info("lead delivered", { leadId: lead.id, attempts: lead.attempts });
      return;
    }
    if (lead.attempts >= tuning.maxAttempts) {
      await store.markFailed(lead.id, { claimToken: lead.claimToken, error: outcome.error, nextAttemptAt: null, now: at });
      result.dead++;
      logger.warn("lead dead-lettered", { leadId: lead.id, attempts: lead.attempts, error: outcome.error });
      return;
    }
    const delay = Math.max(backoffDelayMs(lead.attempts, tuning, random), outcome.retryAfterMs ?? 0);
    await store.markFailed(lead.id, { claimToken: lead.claimToken, error: outcome.error, nextAttemptAt: at + delay, now: at });
    result.retrying++;
    logger.warn("lead delivery failed", { leadId: lead.id, attempt: lead.attempts, error: outcome.error, retryInMs: delay });
  }

  async function pass(): Promise<TickResult> {
    const result: TickResult = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };
    if (!webhookUrl) return result;
    const claimed = await store.claimDue(now(), { limit: tuning.batchSize, leaseMs });
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const lead = claimed[next++]!;
        try {
          await deliver(lead, result);
        } catch (err) {
          // A store failure leaves the lead claimed; its lease expires and another pass retries it.
          logger.error("lead delivery bookkeeping failed", { leadId: lead.id, error: (err as Error).name });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(tuning.concurrency, claimed.length) }, worker));
    return result;
  }

  function tick(): Promise<TickResult> {
    const run = passChain.then(pass, pass);
    passChain = run.catch(() => {});
    return run;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      currentLoop = loop();
    }, Math.max(0, delayMs));
    // The HTTP server keeps the process alive; a forgotten deliverer must not.
    timer.unref?.();
  }

  async function loop(): Promise<void> {
    timer = null;
    loopBusy = true;
    wakeRequested = false;
    let delay = tuning.pollIntervalMs;
    try {
      const result = await tick();
      if (!running) return;
      if (result.attempted > 0) delay = 0;
      else {
        const wakeAt = await store.nextWakeAt();
        if (wakeAt !== null) delay = Math.min(Math.max(wakeAt - now(), 0), tuning.pollIntervalMs);
      }
    } catch (err) {
      logger.error("lead delivery pass failed", { error: (err as Error).name });
    } finally {
      loopBusy = false;
    }
    schedule(wakeRequested ? 0 : delay);
  }

  return {
    enabled: Boolean(webhookUrl),
    start() {
      if (running) return;
      if (!webhookUrl) {
        if (warnedDisabled) return;
        warnedDisabled = true;
        logger.warn("BOOKING_WEBHOOK_URL is not set: leads are stored and stay pending until it is (see `npm run leads`)");
        return;
      }
      if (!isSecureOrLocal(webhookUrl)) logger.warn("BOOKING_WEBHOOK_URL is not HTTPS: lead contact details would travel unencrypted");
      if (!secret) logger.info("BOOKING_WEBHOOK_SECRET is not set: webhook requests are not signed");
      running = true;
      void store
        .counts()
        .then((c) => {
          logger.info("lead delivery started", { pending: c.pending + c.delivering, dead: c.dead });
          if (c.dead > 0) logger.warn("some leads could not be delivered: run `npm run leads` to review and retry them", { dead: c.dead });
        })
        .catch(() => {});
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await currentLoop;
      await passChain;
    },
    tick,
    notify() {
      if (!running) return;
      if (loopBusy) wakeRequested = true;
      else schedule(0);
    },
  };
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  const name = (err as Error | undefined)?.name;
  if (name === "TimeoutError" || name === "AbortError") return `timeout after ${timeoutMs} ms`;
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === "string" && /^[A-Z_]+$/.test(code) ? `network error (${code})` : "network error";
}

function isSecureOrLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

function definedOnly(options: Partial<DeliveryTuning>): Partial<DeliveryTuning> {
  const keys: Array<keyof DeliveryTuning> = ["timeoutMs", "maxAttempts", "baseDelayMs", "maxDelayMs", "concurrency", "batchSize", "pollIntervalMs"];
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
}
