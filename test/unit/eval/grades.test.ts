import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { ChatReply } from "../../../src/contract.js";
import { checkThresholds, aggregate } from "../../../src/eval/aggregate.js";
import { gradeSheet, gradesFileFor, judge, judgedMetrics, parseGrades, replyDigest, type GradesFile } from "../../../src/eval/grades.js";
import type { CaseRun } from "../../../src/eval/run.js";

function reply(text: string, type: ChatReply["type"] = "answer"): ChatReply {
  return {
    type,
    text,
    citations: type === "answer" ? [{ n: 1, articleId: "a", title: "A", section: null, url: null, quote: "Visits last an hour." }] : [],
    disclaimer: "General information, not medical advice.",
    actions: [],
    sessionId: "s",
  };
}

function run(id: string, expectType: "answer" | "no_answer", r: ChatReply | null): CaseRun {
  return {
    suite: "s",
    id,
    question: `question ${id}`,
    history: [],
    repeat: 0,
    expect: { type: expectType, answers: `what ${id} must say` },
    status: 200,
    reply: r,
    actualType: r?.type ?? null,
    checks: {},
    passed: true,
    latencyMs: 1,
    retrieval: null,
  };
}

const grades = (entries: GradesFile["grades"]): GradesFile => ({ suite: "s", grades: entries });

describe("reply digests", () => {
  it("change when the text, the type or a quote changes, and only then", () => {
    const base = replyDigest(reply("Visits last an hour. [1]"));
    expect(replyDigest(reply("Visits last an hour. [1]"))).toBe(base);
    expect(replyDigest(reply("Visits last two hours. [1]"))).not.toBe(base);
    expect(replyDigest({ ...reply("Visits last an hour. [1]"), type: "no_answer" })).not.toBe(base);
    const other = reply("Visits last an hour. [1]");
    other.citations[0]!.quote = "Visits last two hours.";
    expect(replyDigest(other)).not.toBe(base);
  });
});

describe("grades files", () => {
  it("name the field of a bad grade and refuse a case graded twice", () => {
    expect(() => parseGrades("suite: s\ngrades:\n  - { id: a, reply: 0123456789ab, grade: 0.7 }\n", "x.grades.yaml")).toThrow(/x\.grades\.yaml: field 'grades\.0\.grade'/);
    expect(() => parseGrades("suite: s\ngrades:\n  - { id: a, reply: nothex }\n", "x.grades.yaml")).toThrow(/grades\.0\.reply/);
    const twice = "suite: s\ngrades:\n  - { id: a, reply: 0123456789ab, grade: 1 }\n  - { id: a, reply: 0123456789ab, grade: 0 }\n";
    expect(() => parseGrades(twice, "x.grades.yaml")).toThrow(/graded twice/);
    expect(() => parseGrades("suite: s\ngrades: []\nsurprise: 1\n", "x.grades.yaml")).toThrow(/x\.grades\.yaml/);
  });

  it("sit next to their suite", () => {
    expect(gradesFileFor("evals/clinic/blind-heldout.yaml")).toBe("evals/clinic/blind-heldout.grades.yaml");
  });
});

describe("judging runs", () => {
  const good = reply("Visits last an hour. [1]");
  it("uses a grade only while the graded reply is unchanged", () => {
    const file = grades([{ id: "q1", reply: replyDigest(good), grade: 1, offTarget: false }]);
    expect(judge(run("q1", "answer", good), file)).toEqual({ status: "graded", grade: 1, offTarget: false });
    expect(judge(run("q1", "answer", reply("Something else entirely. [1]")), file)).toEqual({ status: "stale" });
    expect(judge(run("q2", "answer", good), file)).toEqual({ status: "ungraded" });
    expect(judge(run("q1", "answer", good), grades([{ id: "q1", reply: replyDigest(good), grade: null, offTarget: null }]))).toEqual({ status: "ungraded" });
  });

  it("count helpful answers among graded answer cases and off-target quotes among graded answers", () => {
    const a = reply("A. [1]");
    const b = reply("B. [1]");
    const c = reply("C. [1]");
    const refusal = reply("I don't have that information.", "no_answer");
    const file = grades([
      { id: "a", reply: replyDigest(a), grade: 1, offTarget: false },
      { id: "b", reply: replyDigest(b), grade: 0.5, offTarget: true },
      { id: "c", reply: replyDigest(c), grade: 0, offTarget: false },
      { id: "u", reply: replyDigest(refusal), grade: 1, offTarget: false },
    ]);
    const runs = [run("a", "answer", a), run("b", "answer", b), run("c", "answer", c), run("u", "no_answer", refusal), run("new", "answer", reply("D. [1]"))];
    for (const r of runs) r.judgement = judge(r, file);
    expect(judgedMetrics(runs)).toEqual({ helpful: 1 / 3, helpful_graded: 3, ungraded: 1, off_target: 1 / 3 });
  });

  it("gate off-target quotes and uncovered answers as upper bounds, helpfulness as a floor", () => {
    const answered = reply("A. [1]");
    const runs = [run("a", "answer", answered), run("u", "no_answer", reply("B. [1]")), run("v", "no_answer", reply("No.", "no_answer"))];
    runs[0]!.judgement = { status: "graded", grade: 1, offTarget: true };
    const { metrics } = aggregate(runs);
    expect(metrics.uncovered_answered).toBe(0.5);
    expect(metrics.off_target).toBe(1);
    expect(checkThresholds(metrics, { uncovered_answered: 0.5, helpful: 1 })).toEqual([]);
    expect(checkThresholds(metrics, { uncovered_answered: 0.03, off_target: 0.03 }).map((b) => b.metric).sort()).toEqual(["off_target", "uncovered_answered"]);
    // A gate on helpfulness fails when nothing current is graded: stale grades cannot pass it.
    runs[0]!.judgement = { status: "stale" };
    expect(checkThresholds(aggregate(runs).metrics, { helpful: 0.5 }).map((b) => b.metric)).toEqual(["helpful"]);
  });
});

describe("grade sheets", () => {
  it("keep grades of unchanged replies, blank changed ones, and parse back as a grades file", () => {
    const kept = reply("Kept. [1]");
    const changed = reply("Changed now. [1]");
    const previous = grades([
      { id: "kept", reply: replyDigest(kept), grade: 1, offTarget: false, note: "fine" },
      { id: "changed", reply: replyDigest(reply("Changed before. [1]")), grade: 0, offTarget: true },
    ]);
    const text = gradeSheet("s", [run("kept", "answer", kept), run("changed", "answer", changed)], previous);
    const sheet = parseGrades(text, "sheet.yaml");
    expect(sheet.grades.map((g) => [g.id, g.grade, g.offTarget])).toEqual([
      ["kept", 1, false],
      ["changed", null, null],
    ]);
    const raw = parseYaml(text) as { instructions: string; grades: Array<Record<string, unknown>> };
    expect(raw.instructions).toMatch(/grade: 1 = /);
    expect(raw.grades[1]).toMatchObject({ question: "question changed", expected: "what changed must say", replyText: "Changed now. [1]", reply: replyDigest(changed) });
  });
});
