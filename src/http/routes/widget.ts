/**
 * `GET /widget.js` (the embeddable bundle), `GET /` (demo clinic page) and
 * `GET /demo.css`, `GET /favicon.svg`. The bundle is built once, on first request, and served
 * with an ETag so browsers revalidate cheaply after the short max-age.
 * The demo page has no inline script or style, so the app-wide CSP
 * (default-src 'self', no 'unsafe-inline') applies to it unchanged.
 */
import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { Config } from "../../config.js";
import { DEMO_CSS, renderDemoPage, renderFavicon } from "../../widget/demo-page.js";
import { sendError } from "../errors.js";

export interface WidgetRouteDeps {
  config: Config;
  /** Returns the bundled widget (e.g. `buildWidget` from src/widget/bundle.ts, or a file read). */
  widgetJs: () => Promise<string> | string;
  /** Suggested questions for the demo page's widget. */
  suggestions?: readonly string[];
}

const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;

function cached(load: () => Promise<string> | string) {
  let pending: Promise<{ body: string; etag: string }> | null = null;
  return () => {
    pending ??= Promise.resolve()
      .then(load)
      .then((body) => ({ body, etag: etagOf(body) }))
      .catch((err: unknown) => {
        pending = null; // Let the next request try again.
        throw err;
      });
    return pending;
  };
}

export function createWidgetRoutes(deps: WidgetRouteDeps): Hono {
  const app = new Hono();
  const widget = cached(deps.widgetJs);
  const css = { body: DEMO_CSS, etag: etagOf(DEMO_CSS) };

  app.get("/widget.js", async (c) => {
    let js: { body: string; etag: string };
    try {
      js = await widget();
    } catch {
      return sendError(c, 500, "widget_unavailable", "The chat widget could not be built.");
    }
    c.header("Cache-Control", "public, max-age=300");
    c.header("ETag", js.etag);
    // Loaded by <script> from other sites: allow cross-origin embedding of this one resource.
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    c.header("X-Content-Type-Options", "nosniff");
    if (c.req.header("if-none-match") === js.etag) return c.body(null, 304);
    c.header("Content-Type", "application/javascript; charset=utf-8");
    return c.body(js.body, 200);
  });

  app.get("/demo.css", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    c.header("ETag", css.etag);
    if (c.req.header("if-none-match") === css.etag) return c.body(null, 304);
    c.header("Content-Type", "text/css; charset=utf-8");
    return c.body(css.body, 200);
  });

  const favicon = renderFavicon(deps.config.clinic);
  app.get("/favicon.svg", (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    c.header("Content-Type", "image/svg+xml");
    return c.body(favicon, 200);
  });

  app.get("/", (c) => {
    const origin = new URL(c.req.url).origin;
    c.header("Cache-Control", "no-cache");
    return c.html(renderDemoPage(deps.config.clinic, { origin, suggestions: deps.suggestions }));
  });

  return app;
}
