import { describe, expect, it } from "vitest";
import { compileLexicon, expandQuery, matchLexicon } from "../../../src/retrieve/lexicon.js";
import { stem } from "../../../src/retrieve/terms.js";

const lexicon = compileLexicon({
  entries: [
    { patient: ["throw up", "puke"], articles: ["nausea", "vomiting"] },
    { patient: ["iv", "drip"], articles: ["intravenous"] },
  ],
});

describe("lexicon expansion", () => {
  it("adds the articles' words for a patient's phrase", () => {
    expect(expandQuery("Will I throw up after the infusion?", lexicon).sort()).toEqual([stem("nausea"), stem("vomiting")].sort());
  });

  it("matches whole words only", () => {
    expect(expandQuery("Is it given via an IV?", lexicon)).toEqual([stem("intravenous")]);
    expect(expandQuery("Is it given in the ivory tower?", lexicon)).toEqual([]);
  });

  it("does not repeat words the question already has", () => {
    expect(expandQuery("do people puke or get nausea", lexicon)).toEqual([stem("vomiting")]);
  });

  it("reports which lay words triggered an entry", () => {
    expect(matchLexicon("can I puke", lexicon)).toEqual([
      { triggers: [stem("puke")], terms: [stem("nausea"), stem("vomiting")], phrases: [[stem("nausea")], [stem("vomiting")], [stem("throw")]] },
    ]);
  });

  it("counts the entry's other patient words as synonyms too, since an article may use one of them", () => {
    const visits = compileLexicon({ entries: [{ patient: ["appointment", "visit", "how is * given"], articles: ["session"] }] });
    const [expansion] = matchLexicon("how long is the appointment?", visits);
    expect(expansion!.phrases).toEqual([[stem("session")], [stem("visit")]]);
  });

  it("rejects a malformed lexicon with the field named", () => {
    expect(() => compileLexicon({ entries: [{ patient: [], articles: ["x"] }] }, "lexicon.yaml")).toThrow(/lexicon.yaml: field 'entries.0.patient'/);
  });
});
