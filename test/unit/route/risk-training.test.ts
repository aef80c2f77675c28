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
import { riskTrainingExamples, BLIND_HELDOUT } from "../../../src/route/risk-data.js";
import { cachedAnalyze, COMMITTED_VARIANTS, prepareExamples } from "../../../src/route/risk-experiment.js";
import { DEFAULT_RISK_TRAINING, trainingHash, trainVariant } from "../../../src/route/risk-training.js";
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
    const examples = riskTrainingExamples(fixtures, taxonomy);
    const categories = taxonomy.categories.map((c) => c.id);
    expect(trainingHash(examples, DEFAULT_RISK_TRAINING, { variants: COMMITTED_VARIANTS, categories })).toBe(committed.dataHash);
    expect(committed.encoder).toBe(USE_LITE_ID);
  });

  it("never trains on a held-out crisis message (a few generic questions were written by both authors)", () => {
    const texts = new Set(riskTrainingExamples(fixtures, taxonomy).map((e) => e.text));
    const blind = readFileSync(path.join(fixtures, "blind-2026-12", BLIND_HELDOUT), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message: string; label: string });
    const crisis = [...blind.filter((m) => m.label === "crisis").map((m) => m.message), ...readPhrasings(path.join(fixtures, "heldout-crisis.txt"))];
    const ordinary = [...blind.filter((m) => m.label !== "crisis").map((m) => m.message), ...["heldout-normal.txt", "heldout-advice.txt", "heldout-offtopic.txt"].flatMap((n) => readPhrasings(path.join(fixtures, n)))];
    expect(crisis.filter((m) => texts.has(m))).toEqual([]);
    // Measured: 4 ("How long is a session?", "What are your opening hours?", …), each written independently.
    expect(ordinary.filter((m) => texts.has(m)).length).toBeLessThanOrEqual(4);
  });

  it("retrains the lexical (Workers) heads exactly as committed, twice the same", async () => {
    const examples = riskTrainingExamples(fixtures, taxonomy);
    const prepared = await prepareExamples(examples, cachedAnalyze(taxonomy, rules), null, DEFAULT_RISK_TRAINING.vectorScale);
    const categories = taxonomy.categories.map((c) => c.id);
    const spec = COMMITTED_VARIANTS.lexical;
    const retrained = trainVariant(prepared, spec.groups, spec.vector, categories, DEFAULT_RISK_TRAINING);
    expect(retrained).toEqual(committed.variants.lexical);
  });
});
