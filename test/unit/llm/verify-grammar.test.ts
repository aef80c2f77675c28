/**
 * Grammar the claim verifier reads beyond single words (issue 13), pinned on
 * made-up sentences: a dropped narrowing quantifier widens a claim, a
 * comparison is about what it compares, and multiword grammar, asides,
 * degree words and frequency words do not count as claims of their own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VERIFY, extractFacts, verifySentence, type VerifyOptions } from "../../../src/answer/verify.js";
import { verifyOptionsWithWordNet } from "./fixtures.js";

let options: VerifyOptions = DEFAULT_VERIFY;
beforeAll(async () => {
  options = await verifyOptionsWithWordNet();
});

const reason = (sentence: string, passage: string, context: string[] = []) => verifySentence(sentence, [passage], options, context).reason;

describe("narrowing quantifiers", () => {
  const source = "Some patients feel dizzy after the visit.";
  it("rejects a rewording that drops one over what it restates", () => {
    expect(reason("Patients feel dizzy after the visit.", source)).toBe("quantifier_dropped");
    expect(reason("The brace is used after surgery.", "The brace is sometimes used after surgery.")).toBe("quantifier_dropped");
  });
  it("accepts the quantifier kept, or a hedge in its place", () => {
    expect(reason("Some patients feel dizzy after the visit.", source)).toBe("ok");
    expect(reason("Patients may feel dizzy after the visit.", source)).toBe("ok");
  });
  it("lets a count go: how many is not of whom", () => {
    expect(reason("A typical plan lasts six weeks.", "A typical plan includes multiple visits and lasts six weeks.")).toBe("ok");
  });
});

describe("comparisons", () => {
  const visits = "Evening visits are shorter, and the therapist talks more about exercise.";
  it("binds an inflected comparative to its adjective", () => {
    expect(reason("Evening visits are longer.", visits)).toBe("direction_mismatch");
    expect(reason("Evening visits are shorter.", visits)).toBe("ok");
  });
  it("binds more/less to what follows it", () => {
    expect(reason("Melanoma is more common and more dangerous.", "Melanoma is less common but more dangerous.")).toBe("direction_mismatch");
    expect(reason("Melanoma is less common but more dangerous.", "Melanoma is less common but more dangerous.")).toBe("ok");
  });
  it("reads a verb whose synonyms say one direction as a word of that direction", () => {
    expect(reason("Each month of delay cut the risk of injury.", "For each month of delay, the risk of injury dropped.")).toBe("ok");
    expect(reason("Each month of delay cut the risk of injury.", "For each month of delay, the risk of injury rose.")).toBe("unsupported_word");
  });
  it("reads 'more quickly' as 'faster', and an unbound source comparison as covering what it names", () => {
    expect(reason("Fit patients recover more quickly after surgery.", "Fit patients recover faster after surgery.")).toBe("ok");
    expect(reason("Ice leads to less swelling.", "Ice leads to a decrease in swelling.")).toBe("ok");
    expect(reason("Ice leads to less pain.", "Ice leads to a decrease in swelling.")).not.toBe("ok");
  });
  it("compares the two sides within the comparison's clause", () => {
    const needles = "Most people feel little, because the needles are much thinner than those used for blood draws.";
    expect(reason("Because the needles are far thinner than those used for blood draws, most people feel little.", needles)).toBe("ok");
    expect(reason("The needles used for blood draws are much thinner than these.", needles)).not.toBe("ok");
  });
  it("keeps the sides of an equative ('twice as X as') in order", () => {
    const src = "Cramps are about twice as common in the evening as in the morning.";
    expect(reason("Cramps are about twice as common in the morning as in the evening.", src)).toBe("order_swapped");
    expect(reason("Cramps are roughly twice as common in the evening as in the morning.", src)).toBe("ok");
    expect(reason("Stretching as well as walking helps.", "Walking as well as stretching helps.")).toBe("ok");
  });
});

describe("grammar that is not a claim", () => {
  it("reads multiword function phrases as function words", () => {
    expect(reason("Take several short walks over the course of the day.", "Take several short walks through the day.")).toBe("ok");
    expect(reason("Fill in the form in advance.", "Fill in the form.")).toBe("ok");
  });
  it("reads a degree word before a comparative as degree only", () => {
    expect(reason("The needles are far thinner than a pin.", "The needles are much thinner than a pin.")).toBe("ok");
  });
  it("reads 'won't' like 'does not', but still keeps a source's hedge", () => {
    expect(reason("The cream won't work without daily use.", "The cream does not work without daily use.")).toBe("ok");
    expect(reason("The cream won't work without daily use.", "The cream may not work without daily use.")).not.toBe("ok");
  });
  it("reads a parenthesis as an aside within its clause", () => {
    expect(reason("Red marks usually fade over 3 months.", "Red marks (a sign of healing) usually fade over 3 months.")).toBe("ok");
  });
  it("reads a sentence-final word as that word, not an abbreviation", () => {
    expect(reason("Protect your skin from the sun.", "Protect your skin from sun damage.")).toBe("ok");
  });
  it("takes a topic gerund of the title as what the passage is about", () => {
    expect(reason("The needle can cause a brief twitch.", "It can cause a brief twitch.", ["Dry Needling: Frequently Asked Questions"])).toBe("ok");
    expect(reason("The needle can cause a brief twitch.", "It can cause a brief twitch.", ["Shoulder Exercises"])).toBe("unsupported_word");
  });
});

describe("negating prefixes and degree words", () => {
  it("reads a prefix WordNet lists as an antonym as 'not' over the word", () => {
    expect(reason("A home reading is not reliable.", "A home reading is unreliable.")).toBe("ok");
    expect(reason("It can damage tissue if it is not treated.", "It can damage tissue if left untreated.")).toBe("ok");
    expect(reason("A home reading is reliable.", "A home reading is unreliable.")).toBe("negation_mismatch");
    expect(reason("A home reading is unreliable.", "A home reading is reliable.")).toBe("negation_mismatch");
    // A negated hedge too ("unlikely" is "not likely"): flipping it was not caught before.
    expect(reason("The effect is unlikely to last.", "The effect is likely to last.")).toBe("negation_mismatch");
    expect(reason("The effect is likely to last.", "The effect is unlikely to last.")).toBe("negation_mismatch");
    expect(reason("The effect may not last.", "The effect is unlikely to last.")).toBe("ok");
  });
  it("reads the degree an embedded question asks about as no claim", () => {
    expect(reason("How well you remember your sleep is not reliable.", "Memory of sleep is unreliable.")).toBe("ok");
  });
  it("reads 'well before' as 'long before', not as 'shortly before'", () => {
    expect(reason("Athletes feel ready well before the knee is.", "Athletes feel ready long before the knee is.")).toBe("ok");
    expect(reason("Athletes feel ready long after surgery.", "Athletes feel ready shortly after surgery.")).toBe("unsupported_word");
  });
});

describe("comparisons of how often", () => {
  const src = "Women are more likely to report fatigue than snoring, so their apnea is more often missed.";
  it("lets 'more often' and 'more likely' say the same narrowed comparison", () => {
    expect(reason("Because women more often report fatigue than snoring, their apnea is more likely to be missed.", src)).toBe("ok");
  });
  it("still rejects the comparison dropped, flipped or made a quantifier", () => {
    expect(reason("Women report fatigue.", "Women are more likely to report fatigue than snoring.")).toBe("hedge_dropped");
    expect(reason("Their apnea is missed.", "Their apnea is more often missed.")).toBe("quantifier_dropped");
    expect(reason("Their apnea is less often missed.", "Their apnea is more often missed.")).toBe("direction_mismatch");
    expect(reason("Their apnea is usually missed.", "Their apnea is more often missed.")).toBe("quantifier_stronger");
    expect(reason("More frequent sessions yield longer effects.", "More frequent sessions may yield longer effects.")).toBe("hedge_dropped");
  });
  it("reads a quantifier's clause as restated by a generalisation of its words", () => {
    expect(reason("You can always request a chaperone.", "You are always welcome to ask for a chaperone.")).toBe("ok");
  });
});

describe("word families", () => {
  it("compares a hyphenated word whole", () => {
    expect(reason("Some creams leave skin more sensitive to the sun.", "Some creams make skin more sun-sensitive.")).toBe("ok");
    expect(reason("Some creams leave skin less sensitive to the sun.", "Some creams make skin more sun-sensitive.")).toBe("direction_mismatch");
  });
  it("links a verb to its irregular noun", () => {
    expect(reason("Tell your doctor about losing interest in things you enjoy.", "Tell your doctor about loss of interest in things you enjoy.")).toBe("ok");
    expect(reason("The dose is adjusted to how much you weigh.", "The dose is adjusted to your weight.")).toBe("ok");
  });
});

describe("acronyms", () => {
  it("reads an acronym as the words it spells in the cited sentence or the title, and the reverse", () => {
    expect(reason("About 30 million U.S. adults have it.", "About 30 million adults in the United States have it.")).toBe("ok");
    expect(reason("RLS affects about 5 percent of adults.", "It affects about 5 percent of adults.", ["Restless Legs Syndrome: Symptoms and Treatment"])).toBe("ok");
    expect(reason("Restless legs syndrome affects about 5 percent of adults.", "RLS affects about 5 percent of adults.")).toBe("ok");
  });
  it("does not read an acronym the source does not spell", () => {
    expect(reason("OSA affects about 5 percent of adults.", "It affects about 5 percent of adults.", ["Restless Legs Syndrome: Symptoms and Treatment"])).toBe("unsupported_word");
    expect(reason("Obstructive sleep apnea affects about 5 percent of adults.", "RLS affects about 5 percent of adults.")).toBe("unsupported_word");
    // Two letters are spelled by chance too easily: only by words written as a name.
    expect(reason("MS patients often feel tired.", "Patients with many symptoms often feel tired.")).toBe("unsupported_word");
    expect(reason("MS patients often feel tired.", "Patients with mild sleepiness often feel tired.")).toBe("unsupported_word");
  });
});

describe("frequencies", () => {
  it("reads the period after a counted noun as a frequency", () => {
    expect(extractFacts("three visits a week").frequencies).toEqual(new Set(["per:week"]));
    expect(reason("Most people need three weekly visits.", "Most people need three visits a week.")).toBe("ok");
    expect(reason("Most people need three weekly visits.", "Most people need three visits a month.")).not.toBe("ok");
  });
  it("reads 'a week ago' as 'last week', not as a duration of a week", () => {
    expect(reason("Pain that began a week ago settles faster.", "Pain that started last week settles faster.")).toBe("ok");
    expect(reason("Pain that began a month ago settles faster.", "Pain that started last week settles faster.")).not.toBe("ok");
    expect(extractFacts("the pain began a week ago").quantities.size).toBe(0);
    expect(extractFacts("the pain lasts a week").quantities).toContain("1 week");
  });
  it("lets 'daily' name the day", () => {
    expect(reason("Wear sunscreen every day.", "Wear sunscreen daily.")).toBe("ok");
  });
});

describe("groups narrowed by a phrase", () => {
  const source = "Most patients with a recent episode of back pain need 6 to 8 visits.";
  it("rejects a rewording that names the group and restates the claim but drops part of the phrase", () => {
    expect(reason("Most patients with back pain need 6 to 8 visits.", source)).toBe("group_widened");
    expect(reason("About 80% of people experience mild acne.", "About 80% of people between the ages of 12 and 24 experience mild acne.")).toBe("group_widened");
  });
  it("accepts the phrase kept, reworded, or the group not restated", () => {
    expect(reason("Most patients with a recent episode of back pain need 6 to 8 visits.", source)).toBe("ok");
    expect(reason("About 80% of people aged 12 to 24 experience mild acne.", "About 80% of people between the ages of 12 and 24 experience mild acne.")).toBe("ok");
    expect(reason("A recent episode of back pain usually needs 6 to 8 visits.", "A recent episode of back pain usually needs 6 to 8 visits.")).toBe("ok");
  });
});
