import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VERIFY, extractFacts, verifySentence, type VerifyOptions } from "../../../src/answer/verify.js";
import { DURATION, PLAN, SESSION, verifyOptionsWithWordNet } from "./fixtures.js";

let options: VerifyOptions = DEFAULT_VERIFY;
beforeAll(async () => {
  options = await verifyOptionsWithWordNet();
});

const verify = (sentence: string, ...passages: string[]) => verifySentence(sentence, passages, options);

describe("extractFacts", () => {
  it("reads digits, number words and ranges as the same values", () => {
    expect(extractFacts("two to four weeks").quantities).toEqual(extractFacts("2-4 weeks").quantities);
    expect([...extractFacts("3–6 month intervals").numbers].sort()).toEqual(["3", "6"]);
    expect(extractFacts("a 40-minute infusion").quantities).toContain("40 minute");
    expect(extractFacts("twenty-four hours").quantities).toContain("24 hour");
    expect(extractFacts("50% of patients").quantities).toContain("50 percent");
    expect(extractFacts("about half of patients").numbers).toContain("0.5");
  });

  it("does not read 'one' as a number where it is a pronoun", () => {
    expect(extractFacts("One of the options is an infusion.").numbers.size).toBe(0);
    expect(extractFacts("No one needs to fast.").numbers.size).toBe(0);
    expect(extractFacts("Only one session is needed.").numbers).toContain("1");
  });

  it("reads frequencies in their common forms", () => {
    expect(extractFacts("infusions are given weekly").frequencies).toEqual(extractFacts("one infusion every week").frequencies);
    expect(extractFacts("twice a week").frequencies).toEqual(new Set(["count:2", "per:week"]));
    expect(extractFacts("every 3 months").frequencies).toContain("every:3:month");
    expect(extractFacts("at 3-6 month intervals").frequencies).toContain("every:3:month");
    expect(extractFacts("Once the infusion ends, you rest.").frequencies.size).toBe(0);
  });

  it("keeps vague amounts and bare units as claims", () => {
    expect(extractFacts("for several hours").quantities).toContain("several hour");
    expect(extractFacts("within hours or days").units).toEqual(new Set(["hour", "day"]));
  });
});

describe("verifySentence", () => {
  it("accepts the cited sentences and faithful paraphrases of them", () => {
    for (const s of [
      "Each infusion takes about 40 minutes.",
      "Most patients go home within two hours.",
      "Most patients go home within 2 hours.",
      "Common side effects include nausea, dizziness and blurred vision.",
      "Side effects usually fade within a few hours after the infusion.",
      "You should not drive for the rest of the day.",
    ]) {
      expect(verify(s, SESSION.text), s).toMatchObject({ ok: true, reason: "ok" });
    }
    expect(verify("Some people may need maintenance infusions every 3 to 6 months.", DURATION.text).ok).toBe(true);
    expect(verify("Ketamine is not an opioid.", PLAN.text).ok).toBe(true);
    expect(verify("A typical treatment involves several sessions over six weeks.", PLAN.text).ok).toBe(true);
  });

  it("uses WordNet paraphrases only when given a thesaurus", () => {
    const s = "Some patients feel relief for a few hours.";
    expect(verify(s, DURATION.text).ok).toBe(true);
    expect(verifySentence(s, [DURATION.text]).reason).toBe("unsupported_word");
  });

  it("rejects a sentence without a cited passage", () => {
    expect(verifySentence("Each infusion takes about 40 minutes.", [])).toMatchObject({ ok: false, reason: "no_citation" });
  });

  it("rejects numbers, quantities, units and frequencies the passage does not state", () => {
    expect(verify("Each infusion takes about 45 minutes.", SESSION.text).reason).toBe("number_not_in_passage");
    expect(verify("Each infusion takes about 40 hours.", SESSION.text).reason).toBe("quantity_not_in_passage");
    expect(verify("Most patients go home within three hours.", SESSION.text).reason).toBe("number_not_in_passage");
    expect(verify("Infusions are repeated weekly over six weeks.", PLAN.text).reason).toBe("frequency_not_in_passage");
    expect(verify("Maintenance infusions are given at 3-8 month intervals.", DURATION.text).reason).toBe("number_not_in_passage");
    expect(verify("Some patients experience relief for a few minutes.", DURATION.text).reason).toBe("quantity_not_in_passage");
  });

  it("rejects any content word the cited sentences do not support", () => {
    const r = verify("Common side effects include nausea, dizziness, blurred vision and hair loss.", SESSION.text);
    expect(r).toMatchObject({ ok: false, reason: "unsupported_word" });
    expect(r.unsupported).toEqual(["hair", "loss"]);
  });

  it("rejects absolutes, stronger quantifiers and dropped hedges", () => {
    expect(verify("Ketamine therapy is a permanent cure for chronic pain.", "Ketamine therapy can relieve chronic pain.").reason).toBe("absolute_not_in_passage");
    expect(verify("All patients go home within two hours.", SESSION.text).reason).toBe("quantifier_stronger");
    expect(verify("Side effects always fade within a few hours after the infusion.", SESSION.text).reason).toBe("quantifier_stronger");
    expect(verify("Some individuals need maintenance infusions at 3-6 month intervals.", DURATION.text).ok).toBe(true); // "some" keeps it weak
    expect(verify("Individuals need maintenance infusions at 3-6 month intervals.", DURATION.text).reason).toBe("hedge_dropped");
    expect(verify("Individuals will need maintenance infusions at 3-6 month intervals.", DURATION.text).reason).toBe("hardener_not_in_passage");
  });

  it("rejects a dropped or an invented negation", () => {
    expect(verify("Ketamine is an opioid.", PLAN.text).reason).toBe("negation_mismatch");
    expect(verify("A companion should drive you home because you should drive for the rest of the day.", SESSION.text).reason).toBe("negation_mismatch");
    expect(verify("Nausea and dizziness are not common side effects.", SESSION.text).reason).toBe("negation_mismatch");
  });

  it("rejects obligations the passage does not state", () => {
    expect(verify("Patients should report nausea.", "Patients report nausea.").reason).toBe("obligation_not_in_passage");
    expect(verify("Patients should report nausea.", "It is important that patients report nausea.").ok).toBe(true);
  });

  it("rejects a flipped direction or order of a comparison", () => {
    const src = "Patients receiving infusions for chronic pain may require more sessions than those treated for mood disorders.";
    expect(verify("Patients receiving infusions for chronic pain may require fewer sessions than those treated for mood disorders.", src).reason).toBe("direction_mismatch");
    expect(verify("Patients treated for mood disorders may require more sessions than those receiving infusions for chronic pain.", src).reason).toBe("order_swapped");
    expect(verify("The injection is sometimes preferred over the infusion.", "The infusion is sometimes preferred over the injection.").reason).toBe("order_swapped");
    expect(verify("Relief comes slowly.", "Relief comes rapidly.").reason).toBe("direction_mismatch");
  });

  it("checks a merged sentence against the union of the sentences it cites, and only those", () => {
    const s = "Each infusion takes about 40 minutes, and relief can last for days or even weeks.";
    expect(verify(s, SESSION.text).ok).toBe(false);
    expect(verify(s, SESSION.text, DURATION.text).ok).toBe(true);
  });

  it("aligns a sentence to at most maxSupportSentences source sentences and reports them", () => {
    const r = verify("Each infusion takes about 40 minutes.", SESSION.text);
    expect(r.supportSentences).toEqual(["Each infusion takes about 40 minutes, and most patients go home within two hours."]);
    const s = "Each infusion takes about 40 minutes, and relief can last for days or even weeks.";
    expect(verifySentence(s, [SESSION.text, DURATION.text], { ...options, maxSupportSentences: 1 }).ok).toBe(false);
  });

  it("lets the passage's title and headings name its subject", () => {
    const s = "Ketamine sessions typically last 1 to 2 hours.";
    const src = "Sessions typically last between 1 to 2 hours.";
    expect(verifySentence(s, [src], options).reason).toBe("unsupported_word");
    expect(verifySentence(s, [src], options, ["What to Know About Ketamine Therapy"]).ok).toBe(true);
  });

  it("lets a general verb stand in for a source verb when everything else is restated", () => {
    const src = "Nurses administer the medication through an IV line.";
    expect(verify("Nurses deliver the medication through an IV line.", src).ok).toBe(true);
    expect(verifySentence("Nurses deliver the medication through an IV line.", [src]).reason).toBe("unsupported_word"); // no WordNet: stricter
    // A multiword verb ("take place") and the en- causative ("make sure" for "ensure").
    expect(verify("The clinic visit takes place over two days.", "The clinic visit consists of an exam and a blood test over two days.").ok).toBe(true);
    expect(verify("Staff make sure the room is quiet.", "Staff ensure the room is quiet.").ok).toBe(true);
  });

  it("keeps every other rule on a sentence with a general verb", () => {
    const src = "Nurses administer the medication through an IV line.";
    expect(verify("Nurses deliver the medication through an IV line and patients drive home.", src).reason).toBe("unsupported_word");
    expect(verify("Nurses deliver 20 mg of the medication through an IV line.", src).reason).toBe("number_not_in_passage");
    expect(verify("Nurses do not deliver the medication through an IV line.", src).reason).toBe("negation_mismatch");
    expect(verify("Nurses deliver a higher dose through an IV line.", "Nurses administer the dose through an IV line.").reason).toBe("direction_mismatch");
    expect(verify("Patients can drive home after a session.", SESSION.text).reason).toBe("unsupported_word");
  });

  it("does not let a verb of benefit, reversal or addition pass as a general verb", () => {
    expect(verify("Nurses relieve the headache with a cold compress.", "Nurses treat the headache with a cold compress.").reason).toBe("unsupported_word");
    expect(verify("Patients refuse the medication during the visit.", "Patients receive the medication during the visit.").reason).toBe("unsupported_word");
    expect(verify("Nurses remove the medication through an IV line.", "Nurses administer the medication through an IV line.").reason).toBe("unsupported_word");
    // Nothing in the source for "receive" to stand in for: an added claim.
    expect(verify("Patients rest in a quiet room and receive the medication.", "Patients rest in a quiet room with the medication.").reason).toBe("unsupported_word");
  });

  it("treats near-negatives as negations", () => {
    expect(verify("Insurance covers the cost of infusions.", "Insurance rarely covers the cost of infusions.").reason).toBe("negation_mismatch");
    expect(verify("Insurance rarely covers the cost of infusions.", "Insurance rarely covers the cost of infusions.").ok).toBe(true);
  });

  it("rejects a sentence with nothing to check", () => {
    expect(verify("It is what it is.", SESSION.text).reason).toBe("no_content");
  });
});
