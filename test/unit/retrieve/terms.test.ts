import { describe, expect, it } from "vitest";
import { contentTerms, processTerm, stem, termWeight } from "../../../src/retrieve/terms.js";

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

  it("keeps an abbreviation whose letters spell a function word, and drops comparison connectives", () => {
    expect(contentTerms("IM vs IV: what's the difference?")).toEqual(["im", "iv", "differ"]);
    expect(contentTerms("Nearly 20% of US adults")).toEqual(["nearli", "20", "us", "adult"]);
    // Texting forms and shouting stay what they were.
    expect(contentTerms("im so tired, can u help")).toEqual(["tire", "help"]);
    expect(contentTerms("IS IT SAFE FOR ME")).toEqual(["safe"]);
  });

  it("indexes such abbreviations the same way (BM25 sees the terms questions are matched by)", () => {
    expect(processTerm("IM")).toBe("im");
    expect(processTerm("im")).toBeNull();
    expect(processTerm("Sessions")).toBe("session");
  });
});
