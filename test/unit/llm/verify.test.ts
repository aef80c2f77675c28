import { describe, expect, it } from "vitest";
import { extractFacts, negatedScopes, verifySentence } from "../../../src/answer/verify.js";
import { DURATION, PLAN, SESSION } from "./fixtures.js";

const verify = (sentence: string, ...passages: string[]) => verifySentence(sentence, passages);

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
    expect(extractFacts("Once the infusion ends, you rest.").frequencies.size).toBe(0);
  });
});

describe("negatedScopes", () => {
  it("collects the content words a negation governs, within its clause", () => {
    const [scope] = negatedScopes("Ketamine is not an opioid, and it works on NMDA receptors.");
    expect(scope).toEqual(new Set(["opioid"]));
  });
});

describe("verifySentence", () => {
  it("accepts faithful paraphrases of the cited passage", () => {
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
    expect(verify("Some people need maintenance infusions every 3 to 6 months.", DURATION.text).ok).toBe(false); // "every 3 month" is not "3-6 month intervals"
    expect(verify("Some people need maintenance infusions at 3 to 6 month intervals.", DURATION.text).ok).toBe(true);
    expect(verify("Ketamine is not an opioid.", PLAN.text).ok).toBe(true);
    expect(verify("Treatment usually spans six weeks of sessions.", PLAN.text).ok).toBe(true);
  });

  it("rejects a sentence without a cited passage", () => {
    expect(verifySentence("Each infusion takes about 40 minutes.", [])).toMatchObject({ ok: false, reason: "no_citation" });
  });

  it("rejects numbers, quantities and frequencies the passage does not state", () => {
    expect(verify("Each infusion takes about 45 minutes.", SESSION.text).reason).toBe("number_not_in_passage");
    expect(verify("Each infusion takes about 40 hours.", SESSION.text).reason).toBe("quantity_not_in_passage");
    expect(verify("Most patients go home within three hours.", SESSION.text).reason).toBe("number_not_in_passage");
    expect(verify("Infusions are repeated weekly over six weeks.", PLAN.text).reason).toBe("frequency_not_in_passage");
    expect(verify("Maintenance infusions are given at 3-8 month intervals.", DURATION.text).reason).toBe("number_not_in_passage");
  });

  it("rejects a dropped or an invented negation", () => {
    expect(verify("Ketamine is an opioid.", PLAN.text).reason).toBe("negation_mismatch");
    expect(verify("You can drive for the rest of the day.", SESSION.text).reason).toBe("negation_mismatch");
    expect(verify("Nausea and dizziness are not common side effects.", SESSION.text).reason).toBe("negation_mismatch");
  });

  it("rejects directives the passage does not give", () => {
    expect(verify("You should stop taking your pain medication before an infusion.", SESSION.text).reason).toBe("directive_not_in_passage");
    expect(verify("Take 2 tablets of ondansetron for the nausea after the infusion.", SESSION.text).ok).toBe(false);
    expect(verify("Avoid alcohol for the rest of the day after an infusion.", SESSION.text).ok).toBe(false);
  });

  it("rejects content the passage does not support", () => {
    const r = verify("Ketamine infusions cure fibromyalgia permanently and insurance covers them.", SESSION.text);
    expect(r).toMatchObject({ ok: false, reason: "low_support" });
    expect(r.support).toBeLessThan(0.6);
    expect(verify("It is what it is.", SESSION.text).reason).toBe("no_content");
  });

  it("checks against every cited passage together", () => {
    const s = "Each infusion takes about 40 minutes, and relief can last for days or weeks.";
    expect(verify(s, SESSION.text).ok).toBe(false);
    expect(verify(s, SESSION.text, DURATION.text).ok).toBe(true);
  });
});
