import { describe, expect, it } from "vitest";
import { aggregate, checkThresholds, percentile, retrievalScores } from "../../../src/eval/aggregate.js";
import { diffAgainstBaseline } from "../../../src/eval/report/json.js";
import { escapeHtml, histogram } from "../../../src/eval/report/html.js";
import { rankOfExpected, type CaseRun } from "../../../src/eval/run.js";
import type { ReplyType } from "../../../src/contract.js";

function run(id: string, expected: ReplyType | undefined, actual: ReplyType | null, passed: boolean, extra: Partial<CaseRun> = {}): CaseRun {
  return {
    suite: "s",
    id,
    question: `q ${id}`,
    history: [],
    repeat: 0,
    expect: expected ? { type: expected } : {},
    status: actual ? 200 : 500,
    reply: null,
    actualType: actual,
    checks: {
      contract: { pass: actual !== null, detail: null },
      grounded: { pass: passed, detail: null },
      ...(expected ? { type: { pass: expected === actual, detail: null } } : {}),
    },
    passed,
    latencyMs: 10,
    retrieval: null,
    ...extra,
  };
}

describe("retrieval scores", () => {
  it("computes hit@1, hit@3 and MRR, counting misses as zero", () => {
    expect(retrievalScores([1, 2, 4, null])).toEqual({ hit_at_1: 0.25, hit_at_3: 0.5, mrr: (1 + 0.5 + 0.25) / 4 });
    expect(retrievalScores([])).toEqual({ hit_at_1: null, hit_at_3: null, mrr: null });
  });

  it("ranks the first passage from any expected source, by id or title", () => {
    const passages = [
      { rank: 1, chunkId: "a#0", articleId: "a", title: "A", section: null, score: 1 },
      { rank: 2, chunkId: "b#0", articleId: "b", title: "Bee", section: null, score: 0.5 },
    ];
    expect(rankOfExpected(passages, ["b", "c"])).toBe(2);
    expect(rankOfExpected(passages, ["Bee"])).toBe(2);
    expect(rankOfExpected(passages, ["z"])).toBeNull();
  });
});

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("aggregate", () => {
  const runs = [
    run("a", "answer", "answer", true, { retrieval: { rank: 1, ranked: [] } }),
    run("b", "answer", "no_answer", false, { retrieval: { rank: null, ranked: [] } }),
    run("c", "emergency", "emergency", true),
    run("d", "declined", null, false),
    run("e", undefined, "answer", true),
  ];

  it("builds the confusion matrix with errors as their own column", () => {
    const { confusion } = aggregate(runs);
    expect(confusion.answer).toMatchObject({ answer: 1, no_answer: 1, error: 0 });
    expect(confusion.declined).toMatchObject({ error: 1, declined: 0 });
    expect(confusion).not.toHaveProperty("unspecified");
  });

  it("computes rates only over runs that had the check", () => {
    const { metrics, byType } = aggregate(runs);
    expect(metrics.pass_rate).toBeCloseTo(3 / 5);
    expect(metrics.type_accuracy).toBeCloseTo(2 / 4);
    expect(metrics.facts).toBeNull();
    expect(metrics.hit_at_1).toBe(0.5);
    expect(metrics.retrieval_cases).toBe(2);
    expect(byType.answer).toEqual({ runs: 2, passed: 1, rate: 0.5 });
    expect(byType.unspecified).toEqual({ runs: 1, passed: 1, rate: 1 });
  });

  it("reports the per-case pass rate across repeats", () => {
    const repeated = [run("a", "answer", "answer", true), run("a", "answer", "answer", false, { repeat: 1 }), run("a", "answer", "answer", true, { repeat: 2 })];
    const { perCase, metrics } = aggregate(repeated);
    expect(perCase).toEqual([{ suite: "s", id: "a", runs: 3, passed: 2, rate: 2 / 3 }]);
    expect(metrics.cases).toBe(1);
    expect(metrics.runs).toBe(3);
  });
});

describe("checkThresholds", () => {
  const { metrics } = aggregate([run("a", "answer", "answer", true, { latencyMs: 120, retrieval: { rank: 2, ranked: [] } })]);

  it("fails rates below and latency above their thresholds", () => {
    expect(checkThresholds(metrics, { pass_rate: 1, hit_at_3: 1, latency_p95_ms: 200 })).toEqual([]);
    expect(checkThresholds(metrics, { hit_at_1: 0.5, latency_p95_ms: 100 })).toEqual([
      { metric: "hit_at_1", threshold: 0.5, actual: 0 },
      { metric: "latency_p95_ms", threshold: 100, actual: 120 },
    ]);
  });

  it("fails a gate that could not be measured", () => {
    expect(checkThresholds(metrics, { facts: 0.9 })).toEqual([{ metric: "facts", threshold: 0.9, actual: null }]);
  });
});

describe("baseline diff", () => {
  it("finds newly failing, newly passing, added and removed cases; a case passes only if every repeat did", () => {
    const baseline = { cases: [
      { suite: "s", id: "a", passed: true },
      { suite: "s", id: "b", passed: false },
      { suite: "s", id: "gone", passed: true },
      { suite: "s", id: "c", passed: true },
    ] };
    const now = [
      { suite: "s", id: "a", passed: false },
      { suite: "s", id: "b", passed: true },
      { suite: "s", id: "c", passed: true },
      { suite: "s", id: "c", passed: false },
      { suite: "s", id: "new", passed: true },
    ];
    expect(diffAgainstBaseline(baseline, now)).toEqual({
      newlyFailing: [{ suite: "s", id: "a" }, { suite: "s", id: "c" }],
      newlyPassing: [{ suite: "s", id: "b" }],
      added: [{ suite: "s", id: "new" }],
      removed: [{ suite: "s", id: "gone" }],
    });
  });
});

describe("html helpers", () => {
  it("escapes markup from suites and replies", () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
  });

  it("bins latencies over equal widths, the maximum in the last bin", () => {
    const bins = histogram([0, 1, 5, 10, 20], 4);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 1, 1]);
    expect(bins[3]!.to).toBe(20);
    expect(histogram([])).toEqual([]);
  });
});

describe("crisis recall at both levels, and false alarms", () => {
  const notice = { level: "possible" as const, text: "Call or text 988.", actions: [{ kind: "call" as const, label: "988", href: "tel:988" }] };
  const reply = (type: ReplyType, safety = false) => ({ type, text: "t", citations: [], disclaimer: "d", actions: [], sessionId: "s", ...(safety ? { safety: notice } : {}) });
  const runs = [
    run("em-full", "emergency", "emergency", true, { reply: reply("emergency") }),
    run("em-notice-only", "emergency", "answer", false, { reply: reply("answer", true) }),
    run("em-missed", "emergency", "no_answer", false, { reply: reply("no_answer") }),
    run("notice-expected", "answer", "answer", true, { expect: { type: "answer", safety: "possible" }, reply: reply("answer", true) }),
    run("ordinary-ok", "answer", "answer", true, { reply: reply("answer") }),
    run("ordinary-noticed", "answer", "answer", true, { reply: reply("answer", true) }),
    run("ordinary-false-emergency", "no_answer", "emergency", false, { reply: reply("emergency") }),
    run("no-expectation", undefined, "answer", true, { reply: reply("answer", true) }),
  ];

  it("counts the crisis line at either level, full emergencies, and alarms on cases expected ordinary", () => {
    const { metrics } = aggregate(runs);
    expect(metrics.emergency_recall).toBeCloseTo(1 / 3);
    expect(metrics.crisis_line_recall).toBeCloseTo(3 / 4);
    expect(metrics).toMatchObject({ false_emergencies: 1, false_notices: 1, ordinary_cases: 3 });
  });

  it("gates false alarms as ceilings", () => {
    const { metrics } = aggregate(runs);
    expect(checkThresholds(metrics, { false_emergencies: 1, false_notices: 1 })).toEqual([]);
    expect(checkThresholds(metrics, { false_emergencies: 0, crisis_line_recall: 0.75 })).toEqual([{ metric: "false_emergencies", threshold: 0, actual: 1 }]);
  });
});
