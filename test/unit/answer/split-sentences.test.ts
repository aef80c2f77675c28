import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/answer/text.js";

describe("splitSentences", () => {
  it("keeps an FAQ's bare 'No.' apart from the sentence after it", () => {
    expect(splitSentences("No. Quinine is sometimes used for cramps, but it does not treat the condition.")).toEqual([
      "No.",
      "Quinine is sometimes used for cramps, but it does not treat the condition.",
    ]);
    expect(splitSentences("Yes. Most people go home the same day.")).toEqual(["Yes.", "Most people go home the same day."]);
  });

  it("still reads 'No.' before a number as an abbreviation", () => {
    expect(splitSentences("See form No. 5 before your visit. Bring it along.")).toEqual(["See form No. 5 before your visit.", "Bring it along."]);
  });

  it("does not split after titles and initials", () => {
    expect(splitSentences("Dr. Lee will see you. J. Smith assists.")).toEqual(["Dr. Lee will see you.", "J. Smith assists."]);
  });
});
