/** The machine-readable eval report (`--json`), and reading one back as a baseline. */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Aggregate, Breach } from "../aggregate.js";
import type { CaseRun } from "../run.js";
import type { Suite } from "../suite.js";
import type { TargetInfo } from "../target.js";

export const REPORT_SCHEMA_VERSION = 1;

export interface SuiteReport {
  name: string;
  file: string;
  description: string | null;
  thresholds: Suite["thresholds"];
  breaches: Breach[];
  passed: boolean;
  aggregate: Omit<Aggregate, "latencies">;
}

export interface EvalReport {
  schemaVersion: number;
  generatedAt: string;
  commit: string | null;
  target: TargetInfo;
  config: { repeat: number; retrieval: Record<string, unknown> | null };
  passed: boolean;
  suites: SuiteReport[];
  cases: CaseRun[];
}

export function buildReport(parts: {
  generatedAt: Date;
  commit: string | null;
  target: TargetInfo;
  config: EvalReport["config"];
  suites: Array<{ suite: Suite; aggregate: Aggregate; breaches: Breach[]; passed: boolean }>;
  runs: CaseRun[];
}): EvalReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: parts.generatedAt.toISOString(),
    commit: parts.commit,
    target: parts.target,
    config: parts.config,
    passed: parts.suites.every((s) => s.passed),
    suites: parts.suites.map(({ suite, aggregate, breaches, passed }) => {
      const { latencies: _latencies, ...rest } = aggregate;
      return { name: suite.name, file: suite.file, description: suite.description, thresholds: suite.thresholds, breaches, passed, aggregate: rest };
    }),
    cases: parts.runs,
  };
}

// Only what a baseline diff needs; anything else in an older report is ignored.
const BaselineSchema = z.looseObject({
  generatedAt: z.string().optional(),
  commit: z.string().nullable().optional(),
  cases: z.array(z.looseObject({ suite: z.string(), id: z.string(), passed: z.boolean() })),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export class BaselineError extends Error {
  override name = "BaselineError";
}

export async function loadBaseline(file: string): Promise<Baseline> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new BaselineError(`--baseline ${file}: cannot read it as JSON (${(err as Error).message})`);
  }
  const parsed = BaselineSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `field '${i.path.join(".") || "(root)"}': ${i.message}`).slice(0, 3).join("; ");
    throw new BaselineError(`--baseline ${file}: not an eval JSON report (${where})`);
  }
  return parsed.data;
}

export interface BaselineDiff {
  newlyFailing: Array<{ suite: string; id: string }>;
  newlyPassing: Array<{ suite: string; id: string }>;
  added: Array<{ suite: string; id: string }>;
  removed: Array<{ suite: string; id: string }>;
}

/** A case passes when every repeat of it passed. Pure. */
export function diffAgainstBaseline(baseline: Pick<Baseline, "cases">, runs: Array<Pick<CaseRun, "suite" | "id" | "passed">>): BaselineDiff {
  const outcome = (cases: Array<{ suite: string; id: string; passed: boolean }>) => {
    const map = new Map<string, { suite: string; id: string; passed: boolean }>();
    for (const c of cases) {
      const key = `${c.suite}\u0000${c.id}`;
      const prev = map.get(key);
      map.set(key, { suite: c.suite, id: c.id, passed: (prev?.passed ?? true) && c.passed });
    }
    return map;
  };
  const before = outcome(baseline.cases);
  const now = outcome(runs);
  const diff: BaselineDiff = { newlyFailing: [], newlyPassing: [], added: [], removed: [] };
  for (const [key, c] of now) {
    const prev = before.get(key);
    const ref = { suite: c.suite, id: c.id };
    if (!prev) diff.added.push(ref);
    else if (prev.passed && !c.passed) diff.newlyFailing.push(ref);
    else if (!prev.passed && c.passed) diff.newlyPassing.push(ref);
  }
  for (const [key, c] of before) if (!now.has(key)) diff.removed.push({ suite: c.suite, id: c.id });
  return diff;
}
