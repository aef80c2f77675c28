/**
 * Security headers for every response (hono/secure-headers). Pages may be
 * framed only by the clinic's allowed origins; the widget script is the one
 * resource other sites load directly, so it is marked cross-origin.
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "../../config.js";

export interface SecurityHeadersOptions {
  /** Paths other origins load with <script src> (Cross-Origin-Resource-Policy: cross-origin). */
  crossOriginPaths?: readonly string[];
}

export const DEFAULT_CROSS_ORIGIN_PATHS = ["/widget.js"] as const;

export function securityHeaders(config: Pick<Config, "clinic">, options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const crossOrigin = new Set(options.crossOriginPaths ?? DEFAULT_CROSS_ORIGIN_PATHS);
  const embedders = config.clinic.allowedOrigins;
  const base = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // The widget adopts constructed stylesheets (not governed by style-src), so no 'unsafe-inline'.
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'", ...embedders],
    },
    // X-Frame-Options cannot express an allow-list; with embedders, frame-ancestors alone decides.
    xFrameOptions: embedders.length === 0 ? "SAMEORIGIN" : false,
    crossOriginResourcePolicy: "same-origin",
    referrerPolicy: "strict-origin-when-cross-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
  return async (c, next) => {
    await base(c, next);
    if (crossOrigin.has(c.req.path)) c.res.headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  };
}
