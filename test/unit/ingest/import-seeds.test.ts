/**
 * The five seed captures (plain text saved from five clinics' pages) against
 * the hand-made corpus articles made from them: how close does the importer
 * get on its own? Figures are printed and quoted in the README.
 */
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportedArticle } from "../../../src/ingest/import/import.js";
import { approvedArticles, loadArticles, parseArticle } from "../../../src/ingest/load-articles.js";
import { closeness, type Closeness } from "./import-closeness.js";

const SEEDS = path.resolve("test/fixtures/import/seeds");
const CORPUS = path.resolve("corpus/ketamine-pain/articles");

let articles: ImportedArticle[];
const figures = new Map<string, Closeness>();

beforeAll(async () => {
  const names = (await readdir(SEEDS)).filter((n) => n.endsWith(".txt")).sort();
  // Each capture is its own site: give each a publisher so no line counts as shared boilerplate.
  const inputs = await Promise.all(names.map(async (n, i) => ({ source: n, bytes: await readFile(path.join(SEEDS, n)), publisher: `Seed clinic ${i}` })));
  const result = await importFiles(inputs, { today: "2026-02-01" });
  expect(result.errors).toEqual([]);
  articles = result.articles;
  for (const a of articles) {
    const reference = parseArticle(await readFile(path.join(CORPUS, `${a.id}.md`), "utf8"), a.id);
    figures.set(a.id, closeness(parseArticle(a.text, a.source).body, reference.body));
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log(
    ["article                                              token F1  line F1  headings  levels  list items"]
      .concat([...figures].map(([id, f]) => `${id.slice(0, 52).padEnd(52)} ${pct(f.tokenF1)} ${pct(f.lineF1)} ${pct(f.headingRecall)}  ${pct(f.headingLevelAccuracy)} ${pct(f.listItemRecall)}`))
      .join("\n"),
  );
});

describe("import: seed captures vs the hand-made corpus", () => {
  it("finds the article the corpus made from every capture (same title, so the same id)", async () => {
    const corpusIds = (await readdir(CORPUS)).map((n) => n.replace(/\.md$/, ""));
    expect(articles).toHaveLength(5);
    for (const a of articles) expect(corpusIds).toContain(a.id);
  });

  it("recovers the body text closely: word F1 ≥ 0.98 and whole-line F1 ≥ 0.97 for every article", () => {
    for (const [id, f] of figures) {
      expect(f.tokenF1, id).toBeGreaterThanOrEqual(0.98);
      expect(f.lineF1, id).toBeGreaterThanOrEqual(0.97);
    }
  });

  it("recovers every heading and list item; heading levels mostly right", () => {
    const all = [...figures.values()];
    for (const [id, f] of figures) {
      expect(f.headingRecall, id).toBe(1);
      expect(f.listItemRecall, id).toBe(1);
      expect(f.headingLevelAccuracy, id).toBeGreaterThanOrEqual(0.5);
    }
    expect(all.reduce((n, f) => n + f.headingLevelAccuracy, 0) / all.length).toBeGreaterThanOrEqual(0.85);
  });

  it("leaves the site chrome out and says what it removed", () => {
    const bodies = articles.map((a) => a.text).join("\n");
    for (const chrome of ["Monday - Friday", "Call Us\n", "Schedule FREE Consultation", "Invite your friend", "Fill out your information", "Also read about", "In-person Events |", "sherman oaks"]) {
      expect(bodies).not.toContain(chrome);
    }
    const removed = articles.flatMap((a) => a.removed.map((r) => r.reason));
    expect(removed).toEqual(expect.arrayContaining(["opening-hours banner", "button label", "related links", "navigation", "trailing call to action", "title repeated"]));
  });

  it("writes drafts that the corpus loader accepts once approved", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "import-seeds-"));
    for (const a of articles) {
      expect(a.text).toMatch(/^status: draft\b/m);
      await writeFile(path.join(dir, `${a.id}.md`), a.text.replace(/^status: draft\b.*$/m, "status: approved"));
    }
    const loaded = approvedArticles(await loadArticles(dir));
    expect(loaded.map((a) => a.id).sort()).toEqual(articles.map((a) => a.id).sort());
    expect(loaded.find((a) => a.id === "chronic-pain-treatment-is-ketamine-therapy-effective")?.publisher).toBe("Seed clinic 4");
  });
});
