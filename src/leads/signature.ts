/**
 * Webhook signatures, for the booking side to verify that a lead came from
 * this server, unaltered and recently:
 *
 *   Idempotency-Key: <lead id>
 *   X-Signature-Timestamp: <unix seconds>
 *   X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<idempotency key>.<raw request body>")>
 *
 * The key is signed too: otherwise a captured delivery could be replayed
 * within the timestamp window under a fresh Idempotency-Key and slip past
 * the receiver's deduplication. A signature proves origin and freshness; it
 * cannot tell a replay from the original. So a receiver must (1) verify with
 * `verifyWebhookRequest` (signature in constant time, timestamp within the
 * window), then (2) look the Idempotency-Key up in its own store of keys
 * already processed — answer 2xx without acting again when it is there,
 * otherwise act and record it. Retries of one lead carry the same key and
 * are signed afresh, so keep keys for as long as a lead may be retried
 * (staff can retry a dead lead days later; a unique constraint on the lead
 * id in the booking database is the simplest store).
 *
 * Node and Workers deliver with the same deliverer, hence the same scheme.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Signature";
export const SIGNATURE_TIMESTAMP_HEADER = "X-Signature-Timestamp";
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Oldest (or furthest in the future) accepted signature, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface SignedParts {
  timestampSeconds: number;
  idempotencyKey: string;
  body: string;
}

export function signWebhook(secret: string, parts: SignedParts): string {
  const signed = `${parts.timestampSeconds}.${parts.idempotencyKey}.${parts.body}`;
  return `sha256=${createHmac("sha256", secret).update(signed).digest("hex")}`;
}

/** Incoming request headers: a fetch `Headers`, or Node's `req.headers` (lower-case names). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface VerifyRequestOptions {
  secret: string;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string;
  headers: HeaderSource;
  nowSeconds?: number;
  toleranceSeconds?: number;
}

export type WebhookVerification =
  | { ok: true; idempotencyKey: string; timestampSeconds: number }
  | { ok: false; reason: "missing_headers" | "stale_timestamp" | "bad_signature" };

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof Headers !== "undefined" && headers instanceof Headers) return headers.get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name.toLowerCase()] ?? record[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The receiver's check: signature over timestamp, key and body, and the
 * timestamp within `toleranceSeconds` of now. On success, deduplicate on the
 * returned `idempotencyKey` before acting (see the module comment): this
 * function alone does not stop a replay inside the window.
 */
export function verifyWebhookRequest(options: VerifyRequestOptions): WebhookVerification {
  const signature = header(options.headers, SIGNATURE_HEADER);
  const timestamp = header(options.headers, SIGNATURE_TIMESTAMP_HEADER);
  const idempotencyKey = header(options.headers, IDEMPOTENCY_KEY_HEADER);
  if (!signature || !timestamp || !idempotencyKey || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing_headers" };
  const timestampSeconds = Number(timestamp);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestampSeconds) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "stale_timestamp" };
  const expected = Buffer.from(signWebhook(options.secret, { timestampSeconds, idempotencyKey, body: options.body }));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "bad_signature" };
  return { ok: true, idempotencyKey, timestampSeconds };
}
