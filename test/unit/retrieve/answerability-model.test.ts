import { describe, expect, it } from "vitest";
import { loadTrainingExamples, TRAINING_SETS } from "../../../scripts/answer-training.js";
import { answerabilityModel } from "../../../src/retrieve/answerability-model.js";
import { trainAnswerability } from "../../../src/retrieve/answerability-train.js";

describe("committed answerability model", () => {
  it("is in sync with its training suites, corpora and features (run `npm run train:answers`)", async () => {
    const { examples, sources } = await loadTrainingExamples();
    expect(trainAnswerability(examples, sources)).toEqual(answerabilityModel());
  }, 120_000);

  it("never trains on a held-out half", () => {
    for (const set of TRAINING_SETS) for (const suite of set.suites) expect(suite).not.toMatch(/heldout|held-out/);
  });
});
