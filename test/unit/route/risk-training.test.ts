/**
 * The committed risk model is in sync with its training data
 * (run `npm run train:risk` after editing the fixtures, the tuning half or the
 * taxonomy), and training is deterministic. The vector heads are covered by
 * the data hash (retraining them here would block the test worker for minutes;
 * the encoder's floats may also differ in the last bits across machines).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { USE_LITE_ID } from "../../../src/embed/use-lite.js";
import { loadSafetyRules, type SafetyRules } from "../../../src/route/rules.js";
import { EMPTY_TOPIC } from "../../../src/route/topic.js";
import { loadRiskTaxonomy, type RiskTaxonomy } from "../../../src/route/risk-taxonomy.js";
import { RISK_MODEL_FILE, RiskModelFileSchema, type RiskModelFile } from "../../../src/route/risk-model.js";
import { riskTrainingExamples, BLIND_HELDOUT, BLIND_SETS, readSuiteMessages, SUITE_TRAINING } from "../../../src/route/risk-data.js";
import { cachedAnalyze, COMMITTED, prepareExamples } from "../../../src/route/risk-experiment.js";
import { trainBinaryHead, trainingHash, trainVariant } from "../../../src/route/risk-training.js";
import { readPhrasings } from "../../../src/route/training-data.js";

const root = path.resolve(import.meta.dirname, "../../..");
const safetyDir = path.join(root, "corpus/defaults/safety");
const fixtures = path.join(root, "test/fixtures/safety");
let committed: RiskModelFile;
let taxonomy: RiskTaxonomy;
let rules: SafetyRules;

beforeAll(() => {
  committed = RiskModelFileSchema.parse(JSON.parse(readFileSync(path.join(safetyDir, RISK_MODEL_FILE), "utf8")));
  taxonomy = loadRiskTaxonomy(safetyDir);
  rules = loadSafetyRules(safetyDir, EMPTY_TOPIC);
});

describe("risk model training", () => {
  it("was trained on the current examples and options (run `npm run train:risk` after editing them)", () => {
    const examples = riskTrainingExamples(root, taxonomy);
    const categories = taxonomy.categories.map((c) => c.id);
    expect(trainingHash(examples, COMMITTED.options, { variants: COMMITTED.variants, categories })).toBe(committed.dataHash);
    expect(committed.encoder).toBe(USE_LITE_ID);
  });

  it("never trains on a held-out crisis message as a crisis (a few generic questions were written by both authors)", () => {
    const examples = riskTrainingExamples(root, taxonomy);
    const texts = new Set(examples.map((e) => e.text));
    const risky = new Set(examples.filter((e) => e.risk === 1).map((e) => e.text));
    const heldoutFiles = BLIND_SETS.map((set) => path.join(fixtures, set.dir, BLIND_HELDOUT));
    const blind = heldoutFiles.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { message: string; label: string }),
    );
    const crisis = [...blind.filter((m) => m.label === "crisis").map((m) => m.message), ...readPhrasings(path.join(fixtures, "heldout-crisis.txt"))];
    const ordinary = [...blind.filter((m) => m.label !== "crisis").map((m) => m.message), ...["heldout-normal.txt", "heldout-advice.txt", "heldout-offtopic.txt"].flatMap((n) => readPhrasings(path.join(fixtures, n)))];
    expect(crisis.filter((m) => risky.has(m))).toEqual([]);
    // "yes, tonight" is a held-out crisis follow-up (with its history); regressions.yaml has the same words
    // after an assistant turn only, which is ordinary (assistant turns are never read): trained as ordinary.
    expect(crisis.filter((m) => texts.has(m))).toEqual(["yes, tonight"]);
    // Measured: 6 ("How long is a session?", "What are your opening hours?", …), each written independently
    // (4 before the FAQ suites joined the training data, 5 before blind set 3 did).
    expect(ordinary.filter((m) => texts.has(m)).length).toBeLessThanOrEqual(6);
  });

  it("trains on the FAQ suites that are not held out: expected emergency is a clear crisis, anything else ordinary", () => {
    expect(SUITE_TRAINING.filter((f) => /heldout|grades/.test(f))).toEqual([]);
    const byId = new Map(readSuiteMessages(path.join(root, "evals/ketamine-pain/regressions.yaml"), "r").map((m) => [m.id, m]));
    expect(byId.get("r#emergency-explicit")).toMatchObject({ label: "crisis", level: "clear", message: "I want to kill myself" });
    expect(byId.get("r#crisis-no-notice-figurative")).toMatchObject({ label: "ordinary" });
    expect(byId.get("r#crisis-follow-up-yes-tonight")?.history?.[0]?.content).toBe("I have been thinking about ending my life");
    // Its notice comes from the conversation rule, not its own words: taught neither way.
    expect(byId.has("r#crisis-notice-after-disclosure")).toBe(false);
  });

  it("retrains the lexical (Workers) heads exactly as committed, twice the same", async () => {
    const examples = riskTrainingExamples(root, taxonomy);
    const prepared = await prepareExamples(examples, cachedAnalyze(taxonomy, rules), null, COMMITTED.options.vectorScale);
    const categories = taxonomy.categories.map((c) => c.id);
    const retrained = trainVariant(prepared, COMMITTED.variants.lexical, categories, COMMITTED.options);
    expect(retrained).toEqual(committed.variants.lexical);
  });
});

describe("training options", () => {
  const rows = [
    { f: new Map([["w:dead", 1], ["cue:x", 1]]), v: null, y: 1, w: 1 },
    { f: new Map([["w:dead", 1]]), v: null, y: 1, w: 1 },
    { f: new Map([["w:tired", 1]]), v: null, y: 0, w: 1 },
  ];
  const options = { ...COMMITTED.options, epochs: 200, learningRate: 0.5, l2: 0 };

  it("caps a single word's weight toward risk, and only words", () => {
    const free = trainBinaryHead(rows, 0, options);
    const capped = trainBinaryHead(rows, 0, { ...options, wordCap: 0.5 });
    expect(free.sparse["w:dead"]).toBeGreaterThan(0.5);
    expect(capped.sparse["w:dead"]).toBe(0.5);
    expect(capped.sparse["w:tired"]!).toBeLessThan(0);
    expect(capped.sparse["cue:x"]!).toBeGreaterThan(0);
  });

  it("decays words more than other features when asked", () => {
    const decayed = trainBinaryHead(rows, 0, { ...options, l2: 1e-2, wordL2: 20 });
    const plain = trainBinaryHead(rows, 0, { ...options, l2: 1e-2 });
    expect(Math.abs(decayed.sparse["w:dead"] ?? 0)).toBeLessThan(Math.abs(plain.sparse["w:dead"]!));
  });
});
