/**
 * CORS for the API: only the clinic's allowed origins (and the page's own
 * origin) may call it from a browser. Requests from other origins are refused
 * outright (403) rather than merely left without CORS headers, so another
 * site cannot submit leads or spend the chat quota through "simple" requests.
 */
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { Config } from "../../config.js";
import { sendError } from "../errors.js";
import { fromTrustedProxy } from "./client-key.js";

/** Same-origin: the Origin's host equals the host the request was sent to (TLS may end at a proxy, so the scheme is not compared). */
export function isSameHost(origin: string, requestHost: string | undefined): boolean {
  if (!requestHost) return false;
  try {
    return new URL(origin).host === requestHost.toLowerCase();
  } catch {
    return false;
  }
}

export function corsFor(config: Pick<Config, "clinic" | "trustProxy">): MiddlewareHandler {
  const allowed = new Set(config.clinic.allowedOrigins.map((o) => o.toLowerCase()));
  // The host the browser addressed: the request URL's (built from Host on Node), or X-Forwarded-Host when a trusted proxy sent the request.
  const forwardedHost = (c: Context) => (fromTrustedProxy(c, config.trustProxy) ? c.req.header("x-forwarded-host")?.split(",")[0]?.trim() : undefined);
  const requestHost = (c: Context) => forwardedHost(c) || new URL(c.req.url).host;

  const corsHeaders = cors({
    origin: (origin) => (allowed.has(origin.toLowerCase()) ? origin : null),
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Accept", "Idempotency-Key"],
    exposeHeaders: ["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed"],
    maxAge: 600,
    credentials: false,
  });

  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined && !allowed.has(origin.toLowerCase()) && !isSameHost(origin, requestHost(c))) {
      return sendError(c, 403, "origin_not_allowed", "This site is not allowed to use the clinic assistant API.");
    }
    return corsHeaders(c, next);
  };
}
