/** Public-page hardening in the shape `createApp` expects (`AppDeps.middleware`). */
import type { MiddlewareHandler } from "hono";
import type { Config } from "../../config.js";
import type { ClientKeyExtractor } from "./client-key.js";
import { corsFor } from "./cors.js";
import { rateLimit } from "./rate-limit.js";
import { securityHeaders, type SecurityHeadersOptions } from "./security-headers.js";

export interface Hardening {
  securityHeaders: MiddlewareHandler;
  cors: MiddlewareHandler;
  chatRateLimit: MiddlewareHandler;
  leadsRateLimit: MiddlewareHandler;
}

export interface HardeningOptions extends SecurityHeadersOptions {
  /** For runtimes other than @hono/node-server. */
  clientKey?: ClientKeyExtractor;
}

export function createHardening(config: Config, options: HardeningOptions = {}): Hardening {
  const clientKey = options.clientKey ? { clientKey: options.clientKey } : {};
  return {
    securityHeaders: securityHeaders(config, options),
    cors: corsFor(config),
    chatRateLimit: rateLimit(config, { keyPrefix: "chat", ...clientKey }),
    leadsRateLimit: rateLimit(config, { keyPrefix: "leads", ...clientKey }),
  };
}

export { corsFor, isSameHost } from "./cors.js";
export { rateLimit, type RateLimitOptions } from "./rate-limit.js";
export { securityHeaders, DEFAULT_CROSS_ORIGIN_PATHS } from "./security-headers.js";
export { clientBucket, cloudflareClientKey, fromTrustedProxy, nodeClientKey, nodePeerAddress, type ClientKeyExtractor } from "./client-key.js";
