import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_GROUNDING, GroundedAnswerBuilder, numberPassages, quoteFor, type GroundingOptions } from "../../../src/answer/llm/grounding.js";
import { ALL_CHUNKS, DURATION, PLAN, SESSION, verifyOptionsWithWordNet } from "./fixtures.js";

const passages = numberPassages(ALL_CHUNKS, 6);
let grounding: GroundingOptions = DEFAULT_GROUNDING;
beforeAll(async () => {
  grounding = { ...DEFAULT_GROUNDING, verify: await verifyOptionsWithWordNet() };
});

function build(sentences: Array<{ text: string; citations: number[] }>) {
  const builder = new GroundedAnswerBuilder(passages, grounding);
  const outcomes = sentences.flatMap((s) => builder.add(s));
  return { builder, outcomes, result: builder.result() };
}

describe("GroundedAnswerBuilder", () => {
  it("renumbers surviving citations 1..k in order of first use and quotes verbatim passage text", () => {
    const { result } = build([
      { text: "Relief can last for days or even weeks.", citations: [2] },
      { text: "Each infusion takes about 40 minutes.", citations: [1] },
      { text: "Some patients feel relief for a few hours.", citations: [2] },
    ]);
    expect(result?.text).toBe("Relief can last for days or even weeks. [1] Each infusion takes about 40 minutes. [2] Some patients feel relief for a few hours. [1]");
    expect(result?.citations.map((c) => [c.n, c.articleId])).toEqual([
      [1, DURATION.articleId],
      [2, SESSION.articleId],
    ]);
    for (const c of result!.citations) {
      const chunk = ALL_CHUNKS.find((x) => x.articleId === c.articleId)!;
      expect(chunk.text.split("\n").some((line) => line.includes(c.quote))).toBe(true);
    }
  });

  it("drops a citation to a passage the model was not given, and the sentence when nothing else supports it", () => {
    const { result, builder } = build([
      { text: "Each infusion takes about 40 minutes.", citations: [1, 9] },
      { text: "Most patients go home within two hours.", citations: [9] },
    ]);
    expect(result?.text).toBe("Each infusion takes about 40 minutes. [1]");
    expect(result?.citations).toHaveLength(1);
    expect(builder.summary()).toMatchObject({ accepted: 1, fabricatedCitations: 2, dropped: { no_citation: 1 } });
  });

  it("drops a sentence whose number is not in the cited passage, keeping the rest", () => {
    const { result, outcomes } = build([
      { text: "Each infusion takes about 40 minutes.", citations: [1] },
      { text: "Most patients go home within 30 minutes.", citations: [1] },
    ]);
    expect(outcomes.map((o) => o.accepted)).toEqual([true, false]);
    expect(result?.text).not.toMatch(/30/);
  });

  it("removes a citation to a passage that contributes nothing to the sentence", () => {
    const { result } = build([{ text: "Ketamine is not an opioid.", citations: [3, 1] }]);
    expect(result?.text).toBe("Ketamine is not an opioid. [1]");
    expect(result?.citations[0]?.articleId).toBe(PLAN.articleId);
  });

  it("strips citation markers the model wrote into the text and checks each sentence of a merged item", () => {
    const { result, outcomes } = build([{ text: "Each infusion takes about 40 minutes [1]. Patients stay overnight for 3 days.", citations: [1] }]);
    expect(outcomes.map((o) => o.accepted)).toEqual([true, false]);
    expect(result?.text).toBe("Each infusion takes about 40 minutes. [1]");
  });

  it("drops questions: an answer states claims", () => {
    const { outcomes } = build([{ text: "How long does relief last?", citations: [2] }]);
    expect(outcomes).toEqual([{ accepted: false, reason: "question" }]);
  });

  it("returns nothing when no sentence survives", () => {
    const { result } = build([{ text: "Ketamine cures chronic pain in 90% of patients.", citations: [1, 2, 3] }]);
    expect(result).toBeNull();
  });

  it("never repeats a sentence and caps the answer length", () => {
    const s = { text: "Each infusion takes about 40 minutes.", citations: [1] };
    const { result, builder } = build([s, s]);
    expect(result?.text).toBe("Each infusion takes about 40 minutes. [1]");
    expect(builder.summary().dropped.duplicate).toBe(1);
  });
});

describe("quoteFor", () => {
  it("quotes the passage sentence that best supports the citing sentences, within one line", () => {
    expect(quoteFor(SESSION, ["Side effects usually fade within a few hours."])).toBe("They usually fade within a few hours after the infusion ends.");
    expect(quoteFor(SESSION, ["Nausea is common.", "It usually fades within a few hours."])).toBe(
      "Common side effects include nausea, dizziness and blurred vision. They usually fade within a few hours after the infusion ends.",
    );
  });
});
