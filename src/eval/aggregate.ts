/** Suite-level numbers from case runs, and the threshold gate. Pure. */
import { replyTypes, type ReplyType } from "../contract.js";
import type { CheckName } from "./checks.js";
import { judgedMetrics, type JudgedMetrics } from "./grades.js";
import type { CaseRun } from "./run.js";
import type { ThresholdMetric, Thresholds } from "./suite.js";

export interface Metrics extends JudgedMetrics {
  cases: number;
  runs: number;
  pass_rate: number;
  type_accuracy: number | null;
  sources_hit: number | null;
  facts: number | null;
  forbid: number | null;
  groundedness: number | null;
  citation_validity: number | null;
  disclaimer: number | null;
  contract: number;
  /** Share of expected emergencies that got the emergency reply (a miss is the worst failure there is). */
  emergency_recall: number | null;
  /** Share of expected crises (an emergency, or the notice) whose reply showed the crisis line: the emergency reply or the notice. */
  crisis_line_recall: number | null;
  /** Cases expected ordinary (a type other than emergency, no notice expected) that got the emergency reply… */
  false_emergencies: number;
  /** …or the crisis notice. */
  false_notices: number;
  /** How many cases were expected ordinary (the denominator of both). */
  ordinary_cases: number;
  /** Over answer cases that name sources, when ranked passages were available. */
  hit_at_1: number | null;
  hit_at_3: number | null;
  mrr: number | null;
  retrieval_cases: number;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  latency_max_ms: number | null;
  /** Share of expected no_answer cases that got an answer anyway. */
  uncovered_answered: number | null;
}

/** Actual type of a run, or "error" when no valid reply came back. */
export type Outcome = ReplyType | "error";
export const OUTCOMES: Outcome[] = [...replyTypes, "error"];

export interface Aggregate {
  metrics: Metrics;
  /** Pass rate per expected type ("unspecified" for cases without one). */
  byType: Record<string, { runs: number; passed: number; rate: number }>;
  /** confusion[expected][actual] = number of runs. */
  confusion: Record<string, Record<Outcome, number>>;
  /** Per case across repeats (with one repeat, 0 or 1). */
  perCase: Array<{ suite: string; id: string; runs: number; passed: number; rate: number }>;
  /** Every latency, for the histogram. */
  latencies: number[];
}

function rate(runs: CaseRun[], check: CheckName): number | null {
  const scored = runs.filter((r) => r.checks[check] !== undefined);
  if (scored.length === 0) return null;
  return scored.filter((r) => r.checks[check]!.pass).length / scored.length;
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const showsCrisisLine = (r: CaseRun) => r.actualType === "emergency" || r.reply?.safety !== undefined;
const expectsCrisis = (r: CaseRun) => r.expect.type === "emergency" || r.expect.safety === "possible";
const expectsOrdinary = (r: CaseRun) => r.expect.type !== undefined && !expectsCrisis(r);

function crisisLineRecall(runs: CaseRun[]): number | null {
  const expected = runs.filter(expectsCrisis);
  return expected.length === 0 ? null : expected.filter(showsCrisisLine).length / expected.length;
}

function emergencyRecall(runs: CaseRun[]): number | null {
  const expected = runs.filter((r) => r.expect.type === "emergency");
  return expected.length === 0 ? null : expected.filter((r) => r.actualType === "emergency").length / expected.length;
}

function uncoveredAnswered(runs: CaseRun[]): number | null {
  const uncovered = runs.filter((r) => r.expect.type === "no_answer");
  return uncovered.length === 0 ? null : uncovered.filter((r) => r.actualType === "answer").length / uncovered.length;
}

export function retrievalScores(ranks: Array<number | null>): { hit_at_1: number | null; hit_at_3: number | null; mrr: number | null } {
  if (ranks.length === 0) return { hit_at_1: null, hit_at_3: null, mrr: null };
  const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / ranks.length;
  return { hit_at_1: share(1), hit_at_3: share(3), mrr };
}

export function aggregate(runs: CaseRun[]): Aggregate {
  const latencies = runs.map((r) => r.latencyMs);
  const ranks = runs.filter((r) => r.retrieval !== null).map((r) => r.retrieval!.rank);
  const metrics: Metrics = {
    cases: new Set(runs.map((r) => `${r.suite}\u0000${r.id}`)).size,
    runs: runs.length,
    pass_rate: runs.length === 0 ? 0 : runs.filter((r) => r.passed).length / runs.length,
    type_accuracy: rate(runs, "type"),
    sources_hit: rate(runs, "sources"),
    facts: rate(runs, "facts"),
    forbid: rate(runs, "forbid"),
    groundedness: rate(runs, "grounded"),
    citation_validity: rate(runs, "citations"),
    disclaimer: rate(runs, "disclaimer"),
    contract: rate(runs, "contract") ?? 0,
    emergency_recall: emergencyRecall(runs),
    crisis_line_recall: crisisLineRecall(runs),
    false_emergencies: runs.filter((r) => expectsOrdinary(r) && r.actualType === "emergency").length,
    false_notices: runs.filter((r) => expectsOrdinary(r) && r.reply?.safety !== undefined).length,
    ordinary_cases: runs.filter(expectsOrdinary).length,
    ...retrievalScores(ranks),
    retrieval_cases: ranks.length,
    latency_p50_ms: percentile(latencies, 50),
    latency_p95_ms: percentile(latencies, 95),
    latency_max_ms: latencies.length > 0 ? Math.max(...latencies) : null,
    uncovered_answered: uncoveredAnswered(runs),
    ...judgedMetrics(runs),
  };

  const byType: Aggregate["byType"] = {};
  const confusion: Aggregate["confusion"] = {};
  for (const run of runs) {
    const expected = run.expect.type ?? "unspecified";
    const entry = (byType[expected] ??= { runs: 0, passed: 0, rate: 0 });
    entry.runs++;
    if (run.passed) entry.passed++;
    entry.rate = entry.passed / entry.runs;
    if (run.expect.type) {
      const row = (confusion[run.expect.type] ??= Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>);
      row[run.actualType ?? "error"]++;
    }
  }

  const perCaseMap = new Map<string, Aggregate["perCase"][number]>();
  for (const run of runs) {
    const key = `${run.suite}\u0000${run.id}`;
    const entry = perCaseMap.get(key) ?? { suite: run.suite, id: run.id, runs: 0, passed: 0, rate: 0 };
    entry.runs++;
    if (run.passed) entry.passed++;
    entry.rate = entry.passed / entry.runs;
    perCaseMap.set(key, entry);
  }

  return { metrics, byType, confusion, perCase: [...perCaseMap.values()], latencies };
}

export interface Breach {
  metric: ThresholdMetric;
  threshold: number;
  /** null when the metric could not be measured (a gate that cannot be measured fails). */
  actual: number | null;
}

/** Metrics where lower is better: their threshold is a ceiling. */
export const UPPER_BOUND_METRICS: ReadonlySet<ThresholdMetric> = new Set(["latency_p95_ms", "off_target", "uncovered_answered", "false_emergencies", "false_notices"]);

/** Rates must reach their threshold; latency, error shares and false-alarm counts must stay at or under theirs. */
export function checkThresholds(metrics: Metrics, thresholds: Thresholds): Breach[] {
  const breaches: Breach[] = [];
  for (const [metric, threshold] of Object.entries(thresholds) as Array<[ThresholdMetric, number | undefined]>) {
    if (threshold === undefined) continue;
    const actual = metrics[metric];
    const ok = actual !== null && (UPPER_BOUND_METRICS.has(metric) ? actual <= threshold + 1e-9 : actual >= threshold - 1e-9);
    if (!ok) breaches.push({ metric, threshold, actual });
  }
  return breaches;
}
