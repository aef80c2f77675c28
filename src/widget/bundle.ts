/**
 * Bundles the embeddable widget (src/widget/widget.ts) into one minified IIFE.
 * The server bundles it in memory at startup; `npm run build:widget` writes
 * dist/widget.js and checks the size budget.
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const WIDGET_ENTRY = fileURLToPath(new URL("./widget.ts", import.meta.url));
export const WIDGET_OUT = fileURLToPath(new URL("../../dist/widget.js", import.meta.url));
/** The budget: at most 20 KB gzipped. */
export const WIDGET_GZIP_BUDGET_BYTES = 20 * 1024;

/** The bundled widget source. */
export async function buildWidget(): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    platform: "browser",
    write: false,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no output for the widget");
  return file.text;
}

export function widgetSizes(js: string): { raw: number; gzip: number } {
  const bytes = Buffer.from(js, "utf8");
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

