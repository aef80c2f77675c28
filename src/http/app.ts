/**
 * The Hono app factory: one sub-app per route group, shared error mapping.
 * Runtime-agnostic: the Node server and tests pass in what it needs.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Assistant } from "../types.js";
import { errorBody, sendError } from "./errors.js";
import { MAX_BODY_BYTES } from "./read-json.js";
import { createChatRoutes } from "./routes/chat.js";
import { createHealthRoutes, type ReadyInfo } from "./routes/health.js";
import { createInternalRoutes } from "./routes/internal.js";

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** Null until the index is loaded. */
  assistant: () => Assistant | null;
  ready: () => ReadyInfo | null;
  /** Sub-app for `POST /api/leads` (absent when leads are disabled). */
  leads?: Hono;
  /** Sub-app serving `/widget.js` and the demo page at `/`. */
  widget?: Hono;
  /** Public-page hardening, applied in this order. */
  middleware?: {
    securityHeaders?: MiddlewareHandler;
    cors?: MiddlewareHandler;
    chatRateLimit?: MiddlewareHandler;
    leadsRateLimit?: MiddlewareHandler;
  };
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const mw = deps.middleware ?? {};

  if (mw.securityHeaders) app.use("*", mw.securityHeaders);
  if (mw.cors) app.use("/api/*", mw.cors);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => sendError(c, 413, "payload_too_large", `The request body must be at most ${MAX_BODY_BYTES / 1024} KB.`),
    }),
  );
  if (mw.chatRateLimit) app.use("/api/chat", mw.chatRateLimit);
  if (mw.leadsRateLimit) app.use("/api/leads", mw.leadsRateLimit);

  app.route("/", createHealthRoutes({ ready: deps.ready }));
  app.route("/api/chat", createChatRoutes({ assistant: deps.assistant, logger: deps.logger }));
  if (deps.leads) app.route("/api/leads", deps.leads);
  if (deps.config.internalApi) app.route("/internal", createInternalRoutes({ assistant: deps.assistant }));
  if (deps.widget) app.route("/", deps.widget);

  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), 404));
  app.onError((err, c) => {
    // Hono's own HTTP errors (e.g. malformed requests) keep their status.
    const status = (err as { status?: number }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      return c.json(errorBody("bad_request", err.message || "Bad request."), status as 400);
    }
    deps.logger.error("unhandled error", { error: err.name, path: new URL(c.req.url).pathname });
    return c.json(errorBody("internal_error", "Something went wrong. Please try again."), 500);
  });
  return app;
}
