/** Imports one test page the way `npm run import` does, and checks a draft's body for kept text and left-over chrome. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { importFiles, type ImportedArticle } from "../../../../src/ingest/import/import.js";
import { parseArticle } from "../../../../src/ingest/load-articles.js";

/** The import date the tests pin, so a page without a stated date gets a known `reviewed`. */
export const IMPORT_DAY = "2026-02-01";

export async function importPage(source: string, bytes: Buffer): Promise<ImportedArticle & { body: string }> {
  const result = await importFiles([{ source, bytes }], { today: IMPORT_DAY });
  expect(result.errors).toEqual([]);
  const article = result.articles[0]!;
  return { ...article, body: parseArticle(article.text, source).body };
}

export async function importFixture(dir: string, name: string): Promise<ImportedArticle & { body: string }> {
  return importPage(name, await readFile(path.join(dir, name)));
}

export function expectAll(body: string, parts: string[]) {
  for (const p of parts) expect(body, `missing: ${p}`).toContain(p);
}

export function expectNone(body: string, parts: string[]) {
  for (const p of parts) expect(body, `chrome kept: ${p}`).not.toContain(p);
}
