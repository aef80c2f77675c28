import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSuites, resolveSuiteFiles } from "../../../src/eval/evaluate.js";
import { parseSuite, SuiteError } from "../../../src/eval/suite.js";

const repoEvals = path.resolve(import.meta.dirname, "../../../evals/ketamine-pain");

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SuiteError);
    return (err as Error).message;
  }
  throw new Error("expected a SuiteError");
}

describe("parseSuite (YAML)", () => {
  it("reads the documented format", () => {
    const suite = parseSuite(
      `name: clinic-faq
thresholds:
  pass_rate: 0.95
  groundedness: 1.0
cases:
  - id: session-length
    question: How long does one session take?
    history: []
    expect:
      type: answer
      sources: [what-to-know-about-ketamine-therapy-for-pain-management]
      facts: [[hour, minutes]]
      forbid: [dose]
`,
      "evals/clinic-faq.yaml",
    );
    expect(suite.name).toBe("clinic-faq");
    expect(suite.thresholds).toEqual({ pass_rate: 0.95, groundedness: 1 });
    expect(suite.cases[0]).toMatchObject({
      id: "session-length",
      history: [],
      expect: { type: "answer", sources: ["what-to-know-about-ketamine-therapy-for-pain-management"], facts: [["hour", "minutes"]], forbid: ["dose"] },
    });
  });

  it("accepts single phrases where lists are expected and defaults the name to the file name", () => {
    const suite = parseSuite("cases:\n  - id: 1\n    question: Hi?\n    expect: { forbid: dose, facts: [hour, [a, b]] }\n", "x/my-suite.yml");
    expect(suite.name).toBe("my-suite");
    expect(suite.cases[0]!.id).toBe("1");
    expect(suite.cases[0]!.expect).toEqual({ forbid: ["dose"], facts: [["hour"], ["a", "b"]] });
  });

  it("names the file, the case and the field", () => {
    const message = errorOf(() => parseSuite("cases:\n  - id: a\n    question: ok\n  - id: b\n    question: q\n    expect: { type: answered }\n", "evals/s.yaml"));
    expect(message).toContain("evals/s.yaml");
    expect(message).toContain("case 'b' (cases[1])");
    expect(message).toContain("field 'expect.type'");
  });

  it("rejects unknown expectation fields (a typo would switch a check off)", () => {
    const message = errorOf(() => parseSuite("cases:\n  - id: a\n    question: q\n    expect: { fact: [[x]] }\n", "s.yaml"));
    expect(message).toContain("unknown field 'fact'");
  });

  it("rejects duplicate ids, empty questions, bad thresholds and invalid YAML", () => {
    expect(errorOf(() => parseSuite("cases:\n  - { id: a, question: q }\n  - { id: a, question: r }\n", "s.yaml"))).toContain("duplicate id");
    expect(errorOf(() => parseSuite("cases:\n  - { id: a, question: '  ' }\n", "s.yaml"))).toContain("field 'question'");
    expect(errorOf(() => parseSuite("thresholds: { pass_rate: 95 }\ncases:\n  - { id: a, question: q }\n", "s.yaml"))).toContain("thresholds.pass_rate");
    expect(errorOf(() => parseSuite("thresholds: { accuracy: 0.9 }\ncases:\n  - { id: a, question: q }\n", "s.yaml"))).toContain("accuracy");
    expect(errorOf(() => parseSuite("cases: [\n", "s.yaml"))).toContain("not valid YAML");
    expect(errorOf(() => parseSuite("name: x\n", "s.yaml"))).toContain("field 'cases'");
  });
});

describe("parseSuite (JSONL)", () => {
  it("reads one case per line and skips blank lines", () => {
    const suite = parseSuite('{"id": "a", "question": "q?", "expect": {"type": "booking"}}\n\n{"id": "b", "question": "r?"}\n', "evals/smoke.jsonl");
    expect(suite.name).toBe("smoke");
    expect(suite.cases.map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("names the line of broken JSON and of an invalid case", () => {
    expect(errorOf(() => parseSuite('{"id": "a", "question": "q"}\n{nope}\n', "s.jsonl"))).toContain("s.jsonl: line 2: not valid JSON");
    expect(errorOf(() => parseSuite('{"id": "a", "question": "q"}\n{"id": "b"}\n', "s.jsonl"))).toContain("case 'b' (line 2), field 'question'");
  });

  it("rejects other formats", () => {
    expect(errorOf(() => parseSuite("[]", "s.json"))).toContain("unsupported suite format");
  });
});

describe("suite discovery", () => {
  it("finds every suite in a folder and reports all broken files at once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "suites-"));
    await writeFile(path.join(dir, "a.yaml"), "cases:\n  - { id: x, question: q }\n");
    await writeFile(path.join(dir, "b.jsonl"), "{bad\n");
    await writeFile(path.join(dir, "c.yml"), "cases: []\n");
    await writeFile(path.join(dir, "notes.txt"), "ignored");
    const files = await resolveSuiteFiles([], dir);
    expect(files.map((f) => path.basename(f))).toEqual(["a.yaml", "b.jsonl", "c.yml"]);
    const error = await loadSuites(files).catch((e: Error) => e.message);
    expect(error).toContain("b.jsonl: line 1");
    expect(error).toContain("c.yml");
  });

  it("loads the suites the repository ships", async () => {
    const files = await resolveSuiteFiles([], repoEvals);
    // Every suite file, and not the grades files kept beside the suites.
    const names = await readdir(repoEvals);
    expect(names.some((n) => n.endsWith(".grades.yaml"))).toBe(true);
    expect(files.length).toBe(names.filter((n) => /\.(ya?ml|jsonl)$/.test(n) && !n.endsWith(".grades.yaml")).length);
    const suites = await loadSuites(files);
    const clinic = suites.find((s) => s.name === "clinic-faq")!;
    expect(clinic.cases.length).toBeGreaterThanOrEqual(80);
    const types = new Set(clinic.cases.map((c) => c.expect.type));
    expect([...types].sort()).toEqual(["answer", "booking", "declined", "emergency", "no_answer"]);
    expect(Object.keys(clinic.thresholds).length).toBeGreaterThan(0);
  });
});
