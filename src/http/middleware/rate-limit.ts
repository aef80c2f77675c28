/**
 * Per-client fixed-window rate limits (hono-rate-limiter) for the public
 * POST endpoints. `rateLimitPerMinute = 0` disables them (load tests).
 */
import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter, type RateLimitInfo, type Store } from "hono-rate-limiter";
import type { Config } from "../../config.js";
import { errorBody } from "../errors.js";
import { nodeClientKey, type ClientKeyExtractor } from "./client-key.js";

export interface RateLimitOptions {
  /** Separates the counters of different endpoints sharing one store. */
  keyPrefix: string;
  /** How to identify the client; defaults to the Node socket address (or X-Forwarded-For from a trusted proxy, see `trustProxy`). */
  clientKey?: ClientKeyExtractor;
  windowMs?: number;
  /** Counter store; defaults to an in-process memory store (one per middleware). */
  store?: Store;
}

/** Requests whose client cannot be identified share one bucket: stricter, never unlimited. */
const UNKNOWN_CLIENT = "unknown";

export function rateLimit(config: Pick<Config, "rateLimitPerMinute" | "trustProxy">, options: RateLimitOptions): MiddlewareHandler {
  const limit = config.rateLimitPerMinute;
  if (limit <= 0) return async (_c, next) => next();
  const windowMs = options.windowMs ?? 60_000;
  const clientKey = options.clientKey ?? nodeClientKey(config.trustProxy);
  return rateLimiter({
    windowMs,
    limit,
    standardHeaders: "draft-6",
    keyGenerator: (c) => `${options.keyPrefix}:${clientKey(c) ?? UNKNOWN_CLIENT}`,
    ...(options.store ? { store: options.store } : {}),
    handler: (c: Context) => {
      const info = (c.get as (key: string) => RateLimitInfo | undefined)("rateLimit");
      const resetMs = info?.resetTime ? info.resetTime.getTime() - Date.now() : windowMs;
      const retryAfter = Math.max(1, Math.ceil(resetMs / 1000));
      c.header("Retry-After", String(retryAfter));
      return c.json(errorBody("rate_limited", `Too many requests. Please wait ${retryAfter} seconds and try again.`, { retryAfterSeconds: retryAfter }), 429);
    },
  });
}
