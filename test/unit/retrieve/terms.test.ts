import { describe, expect, it } from "vitest";
import { contentTerms, stem, termWeight } from "../../../src/retrieve/terms.js";

describe("termWeight", () => {
  it("weighs light verbs and hedges low, whatever the stemmer makes of them", () => {
    for (const word of ["way", "away", "since", "okay", "anyway", "say", "stay", "worse", "cause", "otherwise", "actually", "usually", "happen"]) {
      expect(termWeight(stem(word)), word).toBe(0.2);
    }
  });

  it("weighs content words fully and domain-wide words least", () => {
    expect(termWeight(stem("nausea"))).toBe(1);
    expect(termWeight(stem("treatment"))).toBe(0.1);
    // No clinic's treatment name is built in: that is for each corpus's own statistics.
    expect(termWeight(stem("ketamine"))).toBe(1);
  });

  it("drops function words from a question's content terms", () => {
    expect(contentTerms("how long does it last?")).toEqual(["long", "last"]);
  });
});
