/** The doctor's test corpus: a made-up physiotherapy clinic with deliberate problems. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleFile } from "../../../src/doctor/front-matter.js";
import { checkFrontMatter } from "../../../src/doctor/front-matter.js";
import { createPromoMatcher, loadPromoPatterns } from "../../../src/ingest/promotional.js";

export const FIXTURE_CORPUS = fileURLToPath(new URL("../../fixtures/doctor/corpus", import.meta.url));
export const FIXTURE_EVALS = fileURLToPath(new URL("../../fixtures/doctor/evals", import.meta.url));
/** "Today" for the fixture: the tendon article (reviewed 2024-01-10) is stale, the others are not. */
export const FIXTURE_NOW = new Date("2026-12-04T12:00:00Z");

export async function fixtureFiles(): Promise<ArticleFile[]> {
  const dir = path.join(FIXTURE_CORPUS, "articles");
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => ({ file: `articles/${n}`, text: await readFile(path.join(dir, n), "utf8") })));
}

export async function fixtureCorpus() {
  const { articles, problems } = checkFrontMatter(await fixtureFiles(), { now: FIXTURE_NOW, maxAgeMonths: 12 });
  const approved = articles.filter((a) => a.status === "approved");
  const promo = createPromoMatcher(await loadPromoPatterns(path.join(FIXTURE_CORPUS, "promotional.yaml")), approved.map((a) => a.publisher));
  return { articles, approved, problems, promo };
}
