/**
 * One eval run: suites × target → report. No I/O of its own beyond what the
 * target does; the CLI (scripts/eval.ts) owns arguments, files and exit codes.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { aggregate, checkThresholds } from "./aggregate.js";
import type { CorpusReference } from "./corpus-reference.js";
import { judge, loadGradesFor } from "./grades.js";
import { buildReport, type EvalReport } from "./report/json.js";
import { runSuite, type CaseRun } from "./run.js";
import { loadSuite, SUITE_EXTENSIONS, SuiteError, type Suite, type Thresholds } from "./suite.js";
import type { EvalTarget } from "./target.js";

/** Suite files in a folder; a suite's grades (`x.grades.yaml`, see grades.ts) sit beside it and are not suites. */
const isSuiteFile = (name: string) => SUITE_EXTENSIONS.includes(path.extname(name).toLowerCase()) && !/\.grades\.ya?ml$/i.test(name);

/** A suite without thresholds passes only when every case passes. */
export const DEFAULT_THRESHOLDS: Thresholds = { pass_rate: 1 };

export interface EvaluateOptions {
  suites: Suite[];
  target: EvalTarget;
  reference: CorpusReference;
  repeat: number;
  commit: string | null;
  retrievalConfig: Record<string, unknown> | null;
  onCaseDone?: (run: CaseRun) => void;
  now?: () => Date;
}

export async function evaluate(options: EvaluateOptions): Promise<EvalReport> {
  const info = await options.target.info();
  const started = (options.now ?? (() => new Date()))();
  const results: Array<{ suite: Suite; runs: CaseRun[] }> = [];
  for (const suite of options.suites) {
    const runs = await runSuite(suite, options.target, options.reference, { repeat: options.repeat, onCaseDone: options.onCaseDone });
    const grades = await loadGradesFor(suite.file);
    if (grades) for (const run of runs) run.judgement = judge(run, grades);
    results.push({ suite, runs });
  }
  return buildReport({
    generatedAt: started,
    commit: options.commit,
    target: info,
    config: { repeat: options.repeat, retrieval: options.retrievalConfig },
    suites: results.map(({ suite, runs }) => {
      const agg = aggregate(runs);
      const thresholds = Object.keys(suite.thresholds).length > 0 ? suite.thresholds : DEFAULT_THRESHOLDS;
      const breaches = checkThresholds(agg.metrics, thresholds);
      return { suite: { ...suite, thresholds }, aggregate: agg, breaches, passed: breaches.length === 0 };
    }),
    runs: results.flatMap((r) => r.runs),
  });
}

/** A clinic's own suites: `evals/<clinic id>/` (the clinic id is its folder's name). */
export function clinicSuitesDir(cwd: string, clinicId: string): string {
  return path.resolve(cwd, "evals", clinicId);
}

/** Suite files named on the command line (files or folders), or every suite in the clinic's `defaultDir`. */
export async function resolveSuiteFiles(args: string[], defaultDir: string): Promise<string[]> {
  if (args.length === 0) {
    const info = await stat(defaultDir).catch(() => null);
    const names = info?.isDirectory() ? (await readdir(defaultDir)).filter(isSuiteFile) : [];
    if (names.length === 0) {
      throw new SuiteError(`This clinic has no eval suites in ${defaultDir}. Fix: add suite files (.yaml, .yml, .jsonl) there (README, "Staff evals"), or name one with --suite.`);
    }
  }
  const inputs = args.length > 0 ? args : [defaultDir];
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new SuiteError(`${input}: no such suite file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter(isSuiteFile).sort();
      if (names.length === 0) throw new SuiteError(`${input}: no suite files (.yaml, .yml, .jsonl) in this folder`);
      files.push(...names.map((n) => path.join(input, n)));
    } else files.push(input);
  }
  return files;
}

/** Loads every suite, reporting all broken files at once; suite names must be unique in one run. */
export async function loadSuites(files: string[]): Promise<Suite[]> {
  const results = await Promise.allSettled(files.map((f) => loadSuite(f)));
  const problems = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  if (problems.length > 0) throw new SuiteError(problems.join("\n"));
  const suites = results.map((r) => (r as PromiseFulfilledResult<Suite>).value);
  const seen = new Map<string, string>();
  for (const s of suites) {
    const other = seen.get(s.name);
    if (other) throw new SuiteError(`${s.file}: suite name '${s.name}' is also used by ${other}; give one of them another 'name'`);
    seen.set(s.name, s.file);
  }
  return suites;
}
