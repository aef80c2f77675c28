/**
 * Webhook signatures, for the booking side to verify that a lead came from
 * this server and was not replayed long after:
 *
 *   X-Signature-Timestamp: <unix seconds>
 *   X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw request body>")>
 *
 * Verify by recomputing the HMAC over the exact bytes received, comparing in
 * constant time, and rejecting timestamps more than a few minutes old. Each
 * retry is signed afresh; deduplicate on the `Idempotency-Key` header (the
 * lead id), which stays the same across retries.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Signature";
export const SIGNATURE_TIMESTAMP_HEADER = "X-Signature-Timestamp";

export function signWebhookBody(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex")}`;
}

export interface VerifyOptions {
  secret: string;
  body: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowSeconds?: number;
  /** Oldest accepted signature age; default 5 minutes. */
  toleranceSeconds?: number;
}

/** Reference verifier (what the booking side should do); also used by the tests. */
export function verifyWebhookSignature(options: VerifyOptions): boolean {
  const { secret, body, signature, timestamp } = options;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
