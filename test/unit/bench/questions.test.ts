import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchInputError, loadBenchQuestions, parseBenchArgs, parseBenchQuestions } from "../../../src/bench/questions.js";

describe("bench questions", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "faq-bench-q-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a text file, one question per line, skipping blanks and # comments", () => {
    expect(parseBenchQuestions("# header\nHow long is a visit?\n\n  What should I bring?  \n", "q.txt")).toEqual([
      { message: "How long is a visit?" },
      { message: "What should I bring?" },
    ]);
  });

  it("takes the questions (and histories) of an eval suite, YAML or JSONL", () => {
    const yaml = "name: s\ncases:\n  - id: a\n    question: Is it safe?\n  - id: b\n    question: and after?\n    history: [{ role: user, content: how long is a visit? }]\n";
    expect(parseBenchQuestions(yaml, "suite.yaml")).toEqual([
      { message: "Is it safe?" },
      { message: "and after?", history: [{ role: "user", content: "how long is a visit?" }] },
    ]);
    expect(parseBenchQuestions('{"id": "x", "question": "What does it cost?"}\n', "s.jsonl")).toEqual([{ message: "What does it cost?" }]);
  });

  it("names the file and the problem for bad input", () => {
    expect(() => parseBenchQuestions("# only a comment\n", "empty.txt")).toThrow("empty.txt: no questions found");
    expect(() => parseBenchQuestions("a,b\n", "q.csv")).toThrow(/q\.csv: unsupported questions file '\.csv'/);
    expect(() => parseBenchQuestions(`${"x".repeat(2001)}\n`, "long.txt")).toThrow(/long\.txt:1: a question may have at most 2000 characters/);
    expect(() => parseBenchQuestions("cases:\n  - id: a\n", "bad.yaml")).toThrow(BenchInputError);
  });

  it("loads the shipped default questions, which name no treatment", async () => {
    const questions = await loadBenchQuestions("scripts/bench-questions.txt");
    expect(questions.length).toBeGreaterThanOrEqual(12);
    expect(questions.map((q) => q.message).join(" ")).not.toMatch(/ketamine|infusion|pain/i);
  });

  it("reports a missing file", async () => {
    await expect(loadBenchQuestions(path.join(dir, "nope.txt"))).rejects.toThrow(/Cannot read the questions file .*nope\.txt: ENOENT/);
    await writeFile(path.join(dir, "ok.txt"), "Is it safe?\n");
    await expect(loadBenchQuestions(path.join(dir, "ok.txt"))).resolves.toEqual([{ message: "Is it safe?" }]);
  });
});

describe("bench arguments", () => {
  it("has defaults and accepts a server URL", () => {
    expect(parseBenchArgs({})).toMatchObject({ seconds: 10, questions: "scripts/bench-questions.txt" });
    expect(parseBenchArgs({ url: "http://localhost:3000/", seconds: "3" })).toMatchObject({ url: "http://localhost:3000", seconds: 3 });
    expect(parseBenchArgs({ library: "1000", embedBatches: "1,16,64" })).toMatchObject({ library: 1000, embedBatches: [1, 16, 64] });
  });

  it("rejects bad values with a message naming the option", () => {
    expect(() => parseBenchArgs({ url: "localhost:3000" })).toThrow(/--url must be/);
    expect(() => parseBenchArgs({ url: "ftp://x.example" })).toThrow("--url must be http(s)");
    expect(() => parseBenchArgs({ seconds: "0" })).toThrow("--seconds must be more than 0");
    expect(() => parseBenchArgs({ seconds: "soon" })).toThrow(/--seconds must be a number/);
    expect(() => parseBenchArgs({ library: "1.5" })).toThrow("--library must be a whole number");
    expect(() => parseBenchArgs({ embedBatches: "16;64" })).toThrow(/--embed-batches must be/);
  });
});
