/** The terminal summary printed at the end of `npm run eval`. */
import Table from "cli-table3";
import { OUTCOMES, type Metrics } from "../aggregate.js";
import type { ThresholdMetric } from "../suite.js";
import type { BaselineDiff, EvalReport, SuiteReport } from "./json.js";

// No rule between body rows: the summary should fit on one screen.
const COMPACT = { chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" }, style: { head: [], border: [] } };

export type MetricKind = "rate" | "score" | "ms" | "count";

export function metricKind(metric: string): MetricKind {
  return metric.endsWith("_ms") ? "ms" : metric === "mrr" ? "score" : metric.startsWith("false_") ? "count" : "rate";
}

const METRIC_ROWS: Array<{ key: keyof Metrics; label: string; kind: MetricKind }> = [
  { key: "pass_rate", label: "pass rate", kind: "rate" },
  { key: "type_accuracy", label: "type accuracy", kind: "rate" },
  { key: "sources_hit", label: "sources hit", kind: "rate" },
  { key: "facts", label: "facts", kind: "rate" },
  { key: "forbid", label: "nothing forbidden", kind: "rate" },
  { key: "groundedness", label: "groundedness", kind: "rate" },
  { key: "citation_validity", label: "citation validity", kind: "rate" },
  { key: "disclaimer", label: "disclaimer", kind: "rate" },
  { key: "emergency_recall", label: "emergency recall (full)", kind: "rate" },
  { key: "crisis_line_recall", label: "crisis line recall (either)", kind: "rate" },
  { key: "false_emergencies", label: "false emergencies", kind: "count" },
  { key: "false_notices", label: "false crisis notices", kind: "count" },
  { key: "uncovered_answered", label: "uncovered answered", kind: "rate" },
  { key: "helpful", label: "judged helpful", kind: "rate" },
  { key: "off_target", label: "off-target quotes", kind: "rate" },
  { key: "hit_at_1", label: "retrieval hit@1", kind: "rate" },
  { key: "hit_at_3", label: "retrieval hit@3", kind: "rate" },
  { key: "mrr", label: "retrieval MRR", kind: "score" },
  { key: "latency_p50_ms", label: "latency p50", kind: "ms" },
  { key: "latency_p95_ms", label: "latency p95", kind: "ms" },
];

export function formatMetric(value: number | null, kind: MetricKind): string {
  if (value === null) return "n/a";
  if (kind === "ms") return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
  if (kind === "count") return String(value);
  return kind === "score" ? value.toFixed(3) : `${(value * 100).toFixed(1)}%`;
}

function suiteTable(suite: SuiteReport): string {
  const { metrics } = suite.aggregate;
  const table = new Table({ head: ["metric", "value", "threshold", ""], ...COMPACT });
  for (const row of METRIC_ROWS) {
    const threshold = suite.thresholds[row.key as ThresholdMetric];
    const breached = suite.breaches.some((b) => b.metric === row.key);
    table.push([row.label, formatMetric(metrics[row.key], row.kind), threshold === undefined ? "" : formatMetric(threshold, row.kind), threshold === undefined ? "" : breached ? "FAIL" : "ok"]);
  }
  return table.toString();
}

function typeTable(suite: SuiteReport): string {
  const table = new Table({ head: ["expected \\ actual", ...OUTCOMES, "pass rate"], ...COMPACT });
  for (const [expected, row] of Object.entries(suite.aggregate.confusion)) {
    const byType = suite.aggregate.byType[expected];
    table.push([expected, ...OUTCOMES.map((o) => (row[o] ? String(row[o]) : "·")), byType ? `${byType.passed}/${byType.runs}` : ""]);
  }
  return table.toString();
}

export function renderSummary(report: EvalReport, diff: BaselineDiff | null, maxFailures = 25): string {
  const out: string[] = [];
  out.push(`Target: ${report.target.target} · answerer ${report.target.answerer ?? "?"} · embedder ${report.target.embedder ?? "?"} · repeat ${report.config.repeat}`);
  for (const suite of report.suites) {
    const m = suite.aggregate.metrics;
    out.push("", `Suite ${suite.name} (${suite.file}): ${m.cases} cases, ${m.runs} runs`);
    out.push(suiteTable(suite), typeTable(suite));
    if (m.helpful_graded > 0 || m.ungraded < m.runs) {
      out.push(`Judged: ${m.helpful_graded} answer cases graded; ${m.ungraded} cases without a current grade (new or changed replies: npm run eval -- --suite ${suite.file} --grade-sheet FILE)`);
    }
    const failing = report.cases.filter((c) => c.suite === suite.name && !c.passed);
    if (failing.length > 0) {
      out.push(`Failing (${failing.length}):`);
      for (const run of failing.slice(0, maxFailures)) {
        const why = Object.entries(run.checks)
          .filter(([, c]) => !c.pass)
          .map(([name, c]) => `${name}: ${c.detail}`)
          .join(" · ");
        out.push(`  ✗ ${run.id}${report.config.repeat > 1 ? ` (repeat ${run.repeat + 1})` : ""} — ${why}`);
      }
      if (failing.length > maxFailures) out.push(`  … and ${failing.length - maxFailures} more (see --json or --html)`);
    }
    for (const b of suite.breaches) {
      const kind = metricKind(b.metric);
      out.push(`THRESHOLD BREACHED: ${b.metric} = ${formatMetric(b.actual, kind)} (threshold ${formatMetric(b.threshold, kind)})`);
    }
  }
  if (diff) {
    out.push("", `Against baseline: ${diff.newlyFailing.length} newly failing, ${diff.newlyPassing.length} newly passing, ${diff.added.length} added, ${diff.removed.length} removed`);
    for (const c of diff.newlyFailing) out.push(`  newly failing: ${c.suite}/${c.id}`);
  }
  out.push("", report.passed ? "Eval passed." : "Eval FAILED.");
  return out.join("\n");
}
