import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../../src/answer/llm/circuit-breaker.js";
import { DailyCap } from "../../../src/answer/llm/daily-cap.js";
import { classifyProviderError, parseRetryAfter, retryOnlyTransient } from "../../../src/answer/llm/errors.js";

function clock(start = Date.UTC(2025, 0, 1, 12)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("CircuitBreaker", () => {
  it("opens after consecutive failures, lets one probe through after the cool-down, and closes on success", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, maxCooldownMs: 10_000, now: c.now });
    breaker.recordFailure();
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(false);
    c.advance(1000);
    expect(breaker.state).toBe("half_open");
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // one probe at a time
    breaker.recordSuccess();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("reopens when the probe fails", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1000, maxCooldownMs: 10_000, now: c.now });
    breaker.recordFailure();
    c.advance(1000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
  });

  it("honours Retry-After at once, within bounds", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 1000, maxCooldownMs: 10_000, now: c.now });
    breaker.recordFailure(60_000);
    expect(breaker.state).toBe("open");
    c.advance(9_999);
    expect(breaker.state).toBe("open");
    c.advance(1);
    expect(breaker.state).toBe("half_open");
  });

  it("a success resets the failure count", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, maxCooldownMs: 10_000 });
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe("closed");
  });
});

describe("DailyCap", () => {
  it("allows `cap` requests per UTC day and resets at midnight UTC", () => {
    const c = clock(Date.UTC(2025, 0, 1, 23, 59));
    const cap = new DailyCap(2, c.now);
    expect([cap.tryConsume(), cap.tryConsume(), cap.tryConsume()]).toEqual([true, true, false]);
    expect(cap.remaining()).toBe(0);
    c.advance(60_000);
    expect(cap.remaining()).toBe(2);
    expect(cap.tryConsume()).toBe(true);
  });

  it("treats 0 as no cap", () => {
    const cap = new DailyCap(0);
    for (let i = 0; i < 1000; i++) expect(cap.tryConsume()).toBe(true);
  });
});

describe("provider errors", () => {
  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("7")).toBe(7000);
    expect(parseRetryAfter(new Date(Date.UTC(2025, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2025, 0, 1))).toBe(30_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it("classifies by status and class, and retries only transient failures", () => {
    const http = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error("x"), { status, headers: new Headers(headers) });
    expect(classifyProviderError(http(429, { "retry-after": "3" }))).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 3000 });
    expect(classifyProviderError(http(503)).kind).toBe("server_error");
    expect(classifyProviderError(http(401)).kind).toBe("client_error");
    expect(classifyProviderError(new SyntaxError("Unexpected token")).kind).toBe("malformed_output");
    expect(classifyProviderError(Object.assign(new Error("t"), { name: "TimeoutError" })).kind).toBe("timeout");
    expect(() => retryOnlyTransient(http(500))).not.toThrow();
    expect(() => retryOnlyTransient(http(429))).toThrow();
    expect(() => retryOnlyTransient(new SyntaxError("bad"))).toThrow();
  });
});
