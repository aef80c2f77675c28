/**
 * `npm run eval` end to end: the real CLI entry, the real app and index,
 * in-process and against a live server started here.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { runEvalCli, type EvalIo } from "../../src/eval/cli.js";
import { gradesFileFor } from "../../src/eval/grades.js";
import type { EvalReport } from "../../src/eval/report/json.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "test/fixtures/eval");

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "faq-eval-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: EvalIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: false,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, INDEX_DIR: path.join(dataDir, "index") },
    cwd: root,
  };
  const code = await runEvalCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function readReport(file: string): Promise<EvalReport> {
  return JSON.parse(await readFile(file, "utf8")) as EvalReport;
}

describe("npm run eval, in-process", () => {
  it("scores a suite, prints the summary and writes JSON and HTML reports", async () => {
    const json = path.join(dataDir, "report.json");
    const html = path.join(dataDir, "report.html");
    const { code, out } = await runCli(["--suite", path.join(fixtures, "small.yaml"), "--json", json, "--html", html]);
    expect(out).toContain("Eval passed.");
    expect(code).toBe(0);

    const report = await readReport(json);
    expect(report.passed).toBe(true);
    expect(report.target).toMatchObject({ target: "in-process", answerer: "extractive" });
    expect(report.target.corpusHash).toMatch(/^[a-f0-9]{64}$/);
    expect(report.commit === null || /^[a-f0-9]{40}$/.test(report.commit)).toBe(true);
    const [suite] = report.suites;
    expect(suite!.aggregate.metrics).toMatchObject({ cases: 6, pass_rate: 1, type_accuracy: 1, groundedness: 1, citation_validity: 1, retrieval_cases: 1 });
    expect(suite!.aggregate.metrics.hit_at_3).toBe(1);
    expect(Object.keys(suite!.aggregate.confusion).sort()).toEqual(["answer", "booking", "declined", "emergency", "no_answer"]);
    const session = report.cases.find((c) => c.id === "session-length")!;
    expect(session.reply!.citations.length).toBeGreaterThan(0);
    expect(session.checks.grounded).toEqual({ pass: true, detail: null });

    const page = await readFile(html, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("Routing confusion matrix");
    expect(page).not.toMatch(/<script|<link|src="http/);
  });

  it("fails the run (exit 1) on a threshold breach and diffs against a baseline", async () => {
    const baseline = path.join(dataDir, "baseline.json");
    const first = await runCli(["--suite", path.join(fixtures, "breach.jsonl"), "--json", baseline]);
    expect(first.code).toBe(1);
    expect(first.out).toContain("THRESHOLD BREACHED: pass_rate");
    expect(first.out).toContain("wrong-on-purpose");

    const html = path.join(dataDir, "diff.html");
    const second = await runCli(["--suite", path.join(fixtures, "breach.jsonl"), "--baseline", baseline, "--html", html, "--repeat", "2"]);
    expect(second.code).toBe(1);
    expect(second.out).toContain("Against baseline: 0 newly failing, 0 newly passing");
    const page = await readFile(html, "utf8");
    expect(page).toContain("Against the baseline");
    expect(page).toContain("wrong-on-purpose");
    expect(page).toContain("expected type no_answer, got answer");
  });

  it("refuses a broken suite or bad arguments with exit 2 and a message naming the problem", async () => {
    const broken = await runCli(["--suite", path.join(fixtures, "broken.yaml")]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("broken.yaml: case 'typo' (cases[0]), field 'expect.type'");
    const badRepeat = await runCli(["--repeat", "0"]);
    expect(badRepeat.code).toBe(2);
    expect(badRepeat.err).toContain("--repeat must be at least 1");
    const unknown = await runCli(["--nope"]);
    expect(unknown.code).toBe(2);
  });
});

describe("judged usefulness: grade sheets and grades files", () => {
  it("writes a sheet, reads the filled-in grades back next to the suite, and stops counting a grade once the reply changes", async () => {
    const suiteFile = path.join(dataDir, "graded.yaml");
    await writeFile(suiteFile, (await readFile(path.join(fixtures, "small.yaml"), "utf8")).replace("name: small", "name: graded"));
    const sheetFile = path.join(dataDir, "sheet.yaml");
    const first = await runCli(["--suite", suiteFile, "--grade-sheet", sheetFile]);
    expect(first.code).toBe(0);
    const sheet = parseYaml(await readFile(sheetFile, "utf8")) as { grades: Array<{ id: string; reply: string; grade: number | null; replyText: string; offTarget: boolean | null }> };
    expect(sheet.grades).toHaveLength(6);
    expect(sheet.grades.every((g) => g.grade === null && /^[0-9a-f]{12}$/.test(g.reply))).toBe(true);
    expect(sheet.grades.find((g) => g.id === "session-length")!.replyText).toMatch(/\[1\]/);

    // A grader fills it in: one answer judged partly helpful with an off-target quote.
    for (const g of sheet.grades) {
      g.grade = g.id === "nausea" ? 0.5 : 1;
      g.offTarget = g.id === "nausea";
    }
    await writeFile(gradesFileFor(suiteFile), stringifyYaml(sheet));
    const json = path.join(dataDir, "graded.json");
    const graded = await runCli(["--suite", suiteFile, "--json", json]);
    expect(graded.code).toBe(0);
    expect(graded.out).toMatch(/judged helpful[^\n]*50\.0%/);
    expect((await readReport(json)).suites[0]!.aggregate.metrics).toMatchObject({ helpful: 0.5, helpful_graded: 2, ungraded: 0, off_target: 0.5 });

    // The engine's reply to one case changes: its old grade no longer counts.
    const stale = sheet.grades.find((g) => g.id === "session-length")!;
    stale.reply = "0123456789ab";
    await writeFile(gradesFileFor(suiteFile), stringifyYaml(sheet));
    await runCli(["--suite", suiteFile, "--json", json]);
    const metrics = (await readReport(json)).suites[0]!.aggregate.metrics;
    expect(metrics).toMatchObject({ helpful: 0, helpful_graded: 1, ungraded: 1 });
    const run = (await readReport(json)).cases.find((c) => c.id === "session-length")!;
    expect(run.judgement).toEqual({ status: "stale" });
  });

  it("refuses a grade sheet for more than one suite", async () => {
    const { code, err } = await runCli(["--grade-sheet", path.join(dataDir, "x.yaml"), "--suite", path.join(fixtures, "small.yaml"), "--suite", path.join(root, "evals/ketamine-pain/smoke.jsonl")]);
    expect(code).toBe(2);
    expect(err).toContain("--grade-sheet needs exactly one suite");
  });
});

describe("npm run eval --url, against a live server", () => {
  let runtime: TestRuntime;
  let server: ServerType;
  let url: string;

  beforeAll(async () => {
    runtime = await startTestRuntime({ INTERNAL_API: "true" });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: runtime.app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => resolve(info.port));
    });
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await runtime.dispose();
  });

  it("runs the same suite over HTTP with the same results", async () => {
    const json = path.join(dataDir, "live.json");
    const { code } = await runCli(["--url", url, "--suite", path.join(fixtures, "small.yaml"), "--json", json]);
    expect(code).toBe(0);
    const report = await readReport(json);
    expect(report.target.target).toBe(url);
    expect(report.target.corpusHash).toBe(runtime.manifest.corpusHash);
    expect(report.suites[0]!.aggregate.metrics).toMatchObject({ pass_rate: 1, retrieval_cases: 1, hit_at_3: 1 });
  });

  it("says clearly when the server cannot be reached", async () => {
    const { code, err } = await runCli(["--url", "http://127.0.0.1:9", "--suite", path.join(fixtures, "small.yaml")]);
    expect(code).toBe(2);
    expect(err).toContain("cannot reach http://127.0.0.1:9/readyz");
  });
});
