/**
 * Writes the Worker's static assets (wrangler.toml `[assets]`): the widget
 * bundle, the demo page's stylesheet and favicon, and a `_headers` file with
 * the headers the Node server sends for them. Build-time, Node-only.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Clinic } from "../config.js";
import { buildWidget } from "../widget/bundle.js";
import { DEMO_CSS, renderFavicon } from "../widget/demo-page.js";

export const EDGE_ASSETS_DIR = "dist/edge-assets";

// Same as src/http/routes/widget.ts (the Node server).
const HEADERS = `/widget.js
  Cache-Control: public, max-age=300
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff
/demo.css
  Cache-Control: public, max-age=300
/favicon.svg
  Cache-Control: public, max-age=86400
`;

export async function writeEdgeAssets(dir: string, clinic: Clinic): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    "widget.js": await buildWidget(),
    "demo.css": DEMO_CSS,
    "favicon.svg": renderFavicon(clinic),
    _headers: HEADERS,
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return Object.keys(files);
}
