import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelayMs, MAX_RETRY_AFTER_MS, parseRetryAfterMs } from "../../../src/leads/backoff.js";

const opts = { baseDelayMs: 1000, maxDelayMs: 60_000 };

describe("backoffDelayMs (full jitter)", () => {
  it("spans [0, base·2^(n-1)) and stops growing at the cap", () => {
    expect(backoffDelayMs(1, opts, () => 0)).toBe(0);
    expect(backoffDelayMs(1, opts, () => 0.999)).toBe(999);
    expect(backoffDelayMs(4, opts, () => 0.5)).toBe(4000);
    expect(backoffDelayMs(50, opts, () => 0.5)).toBe(30_000);
  });

  it("stays within bounds for any attempt and random value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = backoffDelayMs(attempt, opts, () => r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1)));
      }),
    );
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2025-03-01T12:00:00Z");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfterMs("30", now)).toBe(30_000);
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores junk and caps absurd waits", () => {
    expect(parseRetryAfterMs(null, now)).toBeNull();
    expect(parseRetryAfterMs("soon", now)).toBeNull();
    expect(parseRetryAfterMs("99999999", now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
