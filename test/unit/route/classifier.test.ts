/** The learned crisis detector: deterministic training, the committed model in sync, and what it adds to the rules. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CRISIS_MODEL_FILE, CrisisModelSchema, crisisFeatures, crisisScore, trainCrisisModel } from "../../../src/route/classifier.js";
import { loadSafetyRules, routeMessage, sanitizeInput } from "../../../src/route/index.js";
import { readPhrasings, trainingForm } from "../../../src/route/training-data.js";
import { detectorTrainingSets } from "../../../src/route/risk-data.js";
import { EMPTY_TOPIC } from "../../../src/route/topic.js";

const root = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(root, "test/fixtures/safety");
const committed = CrisisModelSchema.parse(JSON.parse(readFileSync(path.join(root, "corpus/defaults/safety", CRISIS_MODEL_FILE), "utf8")));

describe("crisis classifier", () => {
  it("uses stems and stem pairs", () => {
    expect(crisisFeatures("i want to die tonight")).toEqual(expect.arrayContaining(["want", "die", "tonight", "to_die"]));
  });

  it("is trained deterministically, and the committed model matches the fixture sets and the tuning pool (run `npm run train:safety` after editing them)", () => {
    const { crisis, other } = detectorTrainingSets(root);
    const retrained = trainCrisisModel(crisis, other);
    expect(retrained).toEqual(trainCrisisModel(crisis, other));
    expect(retrained).toEqual(committed);
  });

  it("separates unseen crisis phrasings from unseen ordinary questions on its own", () => {
    const crisis = readPhrasings(path.join(fixtures, "heldout-crisis.txt")).map(trainingForm);
    const normal = readPhrasings(path.join(fixtures, "heldout-normal.txt")).map(trainingForm);
    const above = (texts: string[]) => texts.filter((t) => crisisScore(committed, t) >= committed.threshold).length / texts.length;
    // Measured 0.85 and 0.00 (0.90 before Spanish ordinary questions were added to training:
    // the model had been reading Spanish itself as a crisis cue).
    expect(above(crisis)).toBeGreaterThanOrEqual(0.8);
    expect(above(normal)).toBe(0);
  });

  it("routes to emergency when no rule matched, and names itself in the decision", () => {
    const rules = loadSafetyRules(path.join(root, "corpus/defaults/safety"), EMPTY_TOPIC);
    const withoutClassifier = { ...rules, risk: { ...rules.risk, classifierClear: 0.999999 } };
    const caughtOnlyByModel = readPhrasings(path.join(fixtures, "heldout-crisis.txt")).filter(
      (m) => routeMessage(sanitizeInput(m), withoutClassifier).kind !== "emergency" && routeMessage(sanitizeInput(m), rules).kind === "emergency",
    );
    expect(caughtOnlyByModel.length).toBeGreaterThan(5);
    for (const m of caughtOnlyByModel) expect(routeMessage(sanitizeInput(m), rules).rule).toBe("crisis.classifier");
  });
});
