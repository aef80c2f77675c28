/**
 * `npm run doctor` end to end on the made-up clinic in test/fixtures/doctor:
 * real files, a real index built in a temp folder, the real assistant.
 */
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { runDoctorCli } from "../../src/doctor/cli.js";
import type { DoctorReport } from "../../src/doctor/report.js";
import { createEmbedder } from "../../src/embed/index.js";
import { FIXTURE_CORPUS, FIXTURE_EVALS, FIXTURE_NOW } from "../unit/doctor/fixture.js";

let work: string;
let corpusDir: string;
const embedder = createEmbedder(loadConfig({ PATH: process.env.PATH }));

async function doctor(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctorCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { PATH: process.env.PATH, CLINIC_DIR: corpusDir, DEFAULTS_DIR: path.resolve("corpus/defaults"), DATA_DIR: path.join(work, "data") },
    cwd: work,
    now: () => FIXTURE_NOW,
    embedder,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "doctor-it-"));
  // A clinic folder named "physio": its suites are evals/physio/; the safety lists and the
  // rest of the product-wide defaults come from the shipped corpus/defaults.
  corpusDir = path.join(work, "physio");
  await cp(FIXTURE_CORPUS, corpusDir, { recursive: true });
  await cp(FIXTURE_EVALS, path.join(work, "evals", "physio"), { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("npm run doctor on a small clinic corpus", () => {
  let report: DoctorReport;
  let html: string;
  let run: Awaited<ReturnType<typeof doctor>>;

  beforeAll(async () => {
    run = await doctor(["--json", "out/doctor.json", "--html", "out/doctor.html"]);
    report = JSON.parse(await readFile(path.join(work, "out/doctor.json"), "utf8")) as DoctorReport;
    html = await readFile(path.join(work, "out/doctor.html"), "utf8");
  }, 120_000);

  it("fails on the broken file, naming every bad field, and still checks the rest", () => {
    expect(run.code).toBe(1);
    const broken = report.frontMatter.filter((p) => p.file === "articles/broken-article.md");
    expect(broken.map((p) => p.field).sort()).toEqual(["id", "reviewed", "status", "title"]);
    expect(report.assistant).toMatchObject({ articles: 3 });
    expect(run.out).toContain("broken-article.md");
  });

  it("shows the contradicting session lengths and counts side by side", () => {
    const figures = report.contradictions.map((c) => c.figures.map((f) => `${f.articleId}: ${f.value}`));
    expect(figures).toContainEqual(["shockwave-therapy-basics: 20 minutes", "what-to-expect-from-shockwave-therapy: 45 – 60 minutes"]);
    expect(figures).toContainEqual(["shockwave-therapy-basics: 3", "what-to-expect-from-shockwave-therapy: 5 – 6"]);
  });

  it("reports the promotional line, the duplicate passage and the stale review", () => {
    expect(report.promotional.map((p) => p.sentence)).toEqual(["Book your free consultation with our team today."]);
    expect(report.duplicates).toHaveLength(1);
    expect(report.frontMatter.find((p) => p.kind === "stale-review")?.file).toBe("articles/caring-for-your-tendons-at-home.md");
  });

  it("finds the section no eval question reaches through the real retriever", () => {
    expect(report.reach.ran).toBe(true);
    if (!report.reach.ran) return;
    expect(report.reach.result.questions).toBe(4);
    const unreached = report.reach.result.unreached.map((s) => s.label);
    expect(unreached).toContain("A short history of lithotripsy");
    expect(unreached).not.toContain("Side effects");
  });

  it("answers common questions the articles cover, with citations, and not the others", () => {
    expect(report.commonQuestions.ran).toBe(true);
    if (!report.commonQuestions.ran) return;
    const byId = new Map(report.commonQuestions.result.map((q) => [q.id, q]));
    const side = byId.get("side-effects")!;
    expect(side.answered).toBe(true);
    expect(side.citations.map((c) => c.articleId)).toContain("what-to-expect-from-shockwave-therapy");
    expect(side.text).toMatch(/redness|soreness/i);
    const cost = byId.get("cost")!;
    expect(cost).toMatchObject({ answered: false, type: "no_answer", citations: [] });
  });

  it("writes an HTML page with no scripts and no external requests", () => {
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).toContain("Each shockwave session lasts about 20 minutes");
    expect(html).toContain("A short history of lithotripsy");
  });

  it("never writes to the configured index folder", async () => {
    await expect(stat(path.join(work, "data", "index"))).rejects.toThrow();
  });

  it("passes once the broken file is gone, and --strict turns the warnings into a failure", async () => {
    await rm(path.join(corpusDir, "articles", "broken-article.md"));
    const relaxed = await doctor([]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.out).toContain("Doctor: no blocking problems");
    const strict = await doctor(["--strict"]);
    expect(strict.code).toBe(1);
  }, 120_000);

  it("rejects bad arguments with exit code 2", async () => {
    const bad = await doctor(["--max-age-months", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--max-age-months");
  });
});
