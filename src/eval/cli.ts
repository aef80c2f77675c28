/**
 * `npm run eval -- [--suite FILE ...] [--url URL] [--json OUT] [--html OUT]
 * [--repeat N] [--baseline PREV.json]`.
 * Exit codes: 0 every suite passed, 1 a threshold was breached, 2 the run
 * could not be made (bad arguments, bad suite, unreachable server).
 */
import { parseCliArgs, UsageError } from "../cli-args.js";
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { ConfigError, loadConfig } from "../config.js";
import { loadArticles, CorpusError } from "../ingest/load-articles.js";
import { createRuntime, type Runtime } from "../runtime.js";
import { buildCorpusReference } from "./corpus-reference.js";
import { DEFAULT_VERIFY } from "../answer/verify.js";
import { verifierResources } from "../answer/claims/resources.js";
import { installedWordNet } from "../answer/claims/wordnet-files.js";
import { loadLexicon } from "../retrieve/lexicon.js";
import { clinicFiles } from "../clinic-files.js";
import { clinicSuitesDir, evaluate, loadSuites, resolveSuiteFiles } from "./evaluate.js";
import { gradeSheet, loadGradesFor } from "./grades.js";
import { renderHtml } from "./report/html.js";
import { BaselineError, diffAgainstBaseline, loadBaseline } from "./report/json.js";
import { renderSummary } from "./report/table.js";
import { SuiteError } from "./suite.js";
import { httpTarget, inProcessTarget, TargetError, type EvalTarget } from "./target.js";

export const EVAL_USAGE = `Usage: npm run eval -- [options]

  --suite FILE     suite file (.yaml, .yml, .jsonl) or folder; repeatable (default: the clinic's
                   own suites, every suite in evals/<clinic id>/, the clinic id being CLINIC_DIR's folder name)
  --url URL        run against a live server (default: the app in this process)
  --json OUT       write the machine-readable report
  --html OUT       write a self-contained HTML report
  --repeat N       run every case N times (for non-deterministic LLM mode; default 1)
  --baseline FILE  compare with an earlier --json report (newly failing / newly passing)
  --grade-sheet FILE  write a grading sheet for one suite's replies (existing grades of
                   unchanged replies kept); fill it in and save it as <suite>.grades.yaml

Exit code: 0 passed, 1 a threshold was breached, 2 the eval could not run.`;

const ArgsSchema = z.object({
  suite: z.array(z.string().min(1)).default([]),
  url: z.url({ protocol: /^https?$/, error: "--url must be an http(s) URL such as http://localhost:3000" }).optional(),
  json: z.string().min(1).optional(),
  html: z.string().min(1).optional(),
  repeat: z.coerce.number({ error: "--repeat must be a number" }).int("--repeat must be a whole number").min(1, "--repeat must be at least 1").max(100, "--repeat must be at most 100").default(1),
  baseline: z.string().min(1).optional(),
  "grade-sheet": z.string().min(1).optional(),
  help: z.boolean().default(false),
});

export interface EvalIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Show a progress bar (interactive terminals, not CI). */
  progress: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

function parse(argv: string[]) {
  return parseCliArgs(argv, {
    suite: { type: "string", multiple: true },
    url: { type: "string" },
    json: { type: "string" },
    html: { type: "string" },
    repeat: { type: "string" },
    baseline: { type: "string" },
    "grade-sheet": { type: "string" },
    help: { type: "boolean", short: "h" },
  }, ArgsSchema);
}

function gitCommit(cwd: string): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    return null;
  }
}

async function writeOut(file: string, text: string, io: EvalIo): Promise<void> {
  const target = path.resolve(io.cwd, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  io.err(`wrote ${path.relative(io.cwd, target) || target}`);
}

export async function runEvalCli(argv: string[], io: EvalIo): Promise<number> {
  let runtime: Runtime | null = null;
  try {
    const args = parse(argv);
    if (args.help) {
      io.out(EVAL_USAGE);
      return 0;
    }
    // The server's own env rules apply; the eval needs ranked passages and must not be rate-limited.
    const config = loadConfig({ LOG_LEVEL: "error", ...io.env, INTERNAL_API: "true", RATE_LIMIT_PER_MINUTE: "0" }, io.cwd);
    const suites = await loadSuites(await resolveSuiteFiles(args.suite.map((s) => path.resolve(io.cwd, s)), clinicSuitesDir(io.cwd, config.paths.clinicId)));
    if (args["grade-sheet"] && suites.length !== 1) throw new UsageError("--grade-sheet needs exactly one suite (--suite FILE)");
    const baseline = args.baseline ? await loadBaseline(path.resolve(io.cwd, args.baseline)) : null;
    const lexicon = await loadLexicon(clinicFiles(config.paths).lexicon);
    const verify = { ...DEFAULT_VERIFY, resources: verifierResources(lexicon, installedWordNet()) };
    const reference = buildCorpusReference(await loadArticles(config.paths.articlesDir), config.clinic, verify);

    let target: EvalTarget;
    if (args.url) target = httpTarget(args.url);
    else {
      runtime = await createRuntime(config, { ensureIndex: true });
      target = inProcessTarget(runtime.app);
    }

    const total = suites.reduce((n, s) => n + s.cases.length, 0) * args.repeat;
    const bar = io.progress ? new SingleBar({ format: "eval [{bar}] {value}/{total} cases · {suite}", hideCursor: true, stream: process.stderr }) : null;
    bar?.start(total, 0, { suite: suites[0]?.name ?? "" });
    const report = await evaluate({
      suites,
      target,
      reference,
      repeat: args.repeat,
      commit: gitCommit(io.cwd),
      retrievalConfig: args.url ? null : { answerer: config.answerer, ...config.retrieval },
      onCaseDone: (run) => bar?.increment(1, { suite: run.suite }),
    });
    bar?.stop();

    const diff = baseline ? diffAgainstBaseline(baseline, report.cases) : null;
    io.out(renderSummary(report, diff));
    if (args.json) await writeOut(args.json, `${JSON.stringify(report, null, 2)}\n`, io);
    if (args.html) await writeOut(args.html, renderHtml(report, diff), io);
    if (args["grade-sheet"]) {
      const suite = suites[0]!;
      await writeOut(args["grade-sheet"], gradeSheet(suite.name, report.cases, await loadGradesFor(suite.file)), io);
    }
    return report.passed ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${EVAL_USAGE}`);
      return 2;
    }
    if (err instanceof SuiteError || err instanceof TargetError || err instanceof BaselineError || err instanceof ConfigError || err instanceof CorpusError) {
      io.err(err.message);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`eval could not run: ${message}`);
    return 2;
  } finally {
    await runtime?.close();
  }
}
