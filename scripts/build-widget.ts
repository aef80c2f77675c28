/** `npm run build:widget`: writes dist/widget.js and fails when it is over the gzipped size budget. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildWidget, WIDGET_GZIP_BUDGET_BYTES, WIDGET_OUT, widgetSizes } from "../src/widget/bundle.js";

async function main(): Promise<void> {
  const js = await buildWidget();
  await mkdir(path.dirname(WIDGET_OUT), { recursive: true });
  await writeFile(WIDGET_OUT, js);
  const { raw, gzip } = widgetSizes(js);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${path.relative(process.cwd(), WIDGET_OUT)}: ${kb(raw)} raw, ${kb(gzip)} gzipped (budget ${kb(WIDGET_GZIP_BUDGET_BYTES)})`);
  if (gzip > WIDGET_GZIP_BUDGET_BYTES) {
    console.error(`The widget is over its size budget by ${kb(gzip - WIDGET_GZIP_BUDGET_BYTES)} gzipped.`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
