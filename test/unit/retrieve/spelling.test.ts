import { describe, expect, it } from "vitest";
import { buildVocabulary, correctSpelling, correctWord } from "../../../src/retrieve/spelling.js";

const vocabulary = buildVocabulary(
  ["Sessions typically last between 1 to 2 hours.", "Nausea and dizziness are common side effects.", "Marking the infusion schedule."],
  ["queasy", "throw"],
);

describe("typo repair", () => {
  it("corrects a misspelled corpus word", () => {
    expect(correctWord("sesions", vocabulary)).toBe("sessions");
    expect(correctWord("dizzyness", vocabulary)).toBe("dizziness");
    expect(correctSpelling("how long r the sesions?", vocabulary)).toBe("how long r the sessions?");
  });

  it("leaves known words, lexicon words, short words and numbers alone", () => {
    expect(correctWord("sessions", vocabulary)).toBeNull();
    expect(correctWord("queasy", vocabulary)).toBeNull();
    expect(correctWord("nause", vocabulary)).toBe("nausea");
    expect(correctWord("lst", vocabulary)).toBeNull();
    expect(correctWord("2hours", vocabulary)).toBeNull();
  });

  it("never turns a word about an uncovered topic into a covered one", () => {
    // Same length and one edit from "marking", but a different first letter.
    expect(correctWord("parking", vocabulary)).toBeNull();
    expect(correctSpelling("Is there parking?", vocabulary)).toBe("Is there parking?");
  });
});
