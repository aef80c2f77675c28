import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../../src/understand/analyze.js";
import { answerTypeOf, carriesAnswerType } from "../../../src/understand/answer-type.js";
import { buildCorpusStats } from "../../../src/understand/corpus-stats.js";
import { compileLexicon, matchLexicon } from "../../../src/retrieve/lexicon.js";
import { stem } from "../../../src/retrieve/terms.js";
import { PT_CHUNKS } from "./pt-corpus.js";
import { TINY_CHUNKS } from "./tiny-corpus.js";

const stats = buildCorpusStats(TINY_CHUNKS);
const lexicon = compileLexicon({ entries: [{ patient: ["gum infection"], articles: ["gum disease"] }] });
const analyze = (q: string) => analyzeQuestion(q, { stats, expansions: matchLexicon(q, lexicon) });
const term = (q: string, word: string) => analyze(q).terms.find((t) => t.stem === stem(word));

describe("answer types from the question's grammar", () => {
  it.each([
    ["How long does whitening take?", "duration"],
    ["how soon will I see results", "duration"],
    ["How many visits do implants need?", "count"],
    ["how often should I get a cleaning?", "frequency"],
    ["How much does an implant cost?", "cost"],
    ["Is whitening safe for crowns?", "yes_no"],
    ["Why do my gums bleed?", "reason"],
    ["What are the side effects of whitening?", "list"],
    ["What is an implant?", "definition"],
    ["Is an implant better than a bridge?", "comparison"],
  ])("%s → %s", (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });

  it("recognizes sentences that carry the asked-for answer", () => {
    expect(carriesAnswerType("duration", "An appointment takes about 90 minutes.")).toBe(true);
    expect(carriesAnswerType("duration", "Whitening works on natural teeth.")).toBe(false);
    expect(carriesAnswerType("frequency", "We recommend a cleaning every six months.")).toBe(true);
    expect(carriesAnswerType("yes_no", "Anything at all.")).toBeNull();
  });

  it("counts figures, not the article 'a': a series of visits is no frequency, a visit with results no count", () => {
    expect(carriesAnswerType("frequency", "You may need a series of visits, starting with an exam.")).toBe(false);
    expect(carriesAnswerType("frequency", "Most people come in two times a year.")).toBe(true);
    expect(carriesAnswerType("count", "A hygienist will go over the results with you.")).toBe(false);
    expect(carriesAnswerType("count", "Most implants need two or three visits.")).toBe(true);
    // A duration may still be "an hour" or "a week".
    expect(carriesAnswerType("duration", "The numbness wears off within an hour.")).toBe(true);
  });
});

describe("question analysis", () => {
  it("keeps the topic and discounts a chatty preamble", () => {
    const a = analyze("Hi! My sister had this done last year and loved it. How long does whitening take?");
    expect(a.parts).toHaveLength(1);
    expect(a.parts[0]!.type).toBe("duration");
    expect(term("Hi! My sister had this done last year and loved it. How long does whitening take?", "whitening")!.role).toBe("topic");
    const sister = a.terms.find((t) => t.stem === stem("sister"))!;
    expect(sister.role).toBe("context");
    expect(sister.offCorpus).toBe(false);
    expect(sister.weight).toBeLessThan(term("Hi! My sister had this done last year and loved it. How long does whitening take?", "whitening")!.weight);
  });

  it("reads 'what kind of' and 'a lot of' as framing, but not what 'the … of' names", () => {
    expect(term("what kind of whitening is safe?", "kind")!.role).toBe("framing");
    expect(term("is a lot of whitening bad for crowns?", "lot")!.role).toBe("framing");
    // "the cost of", "the signs of": the noun is what the question asks about.
    expect(term("what are the signs of gum disease?", "signs")!.role).not.toBe("framing");
  });

  it("weighs a question's light verb as beside a noun once the preamble it refers back to names the topic", () => {
    const q = "my gums bleed every time I brush. is there anything that helps with that?";
    expect(term(q, "helps")!.weight).toBeLessThan(term(q, "gums")!.weight);
    // Alone, the verb is all the question has.
    expect(term("is there anything that helps with that?", "helps")!.weight).toBeGreaterThan(term(q, "helps")!.weight);
  });

  it("treats a clause before the question as context", () => {
    const q = "a friend told me about it and I'm curious, does whitening change crowns?";
    expect(term(q, "friend")!.role).toBe("context");
    expect(term(q, "crowns")!.role).toBe("topic");
  });

  it("treats verbs and adverbs the corpus never uses as framing, and unknown nouns as off the articles", () => {
    const q = "I'm wondering, does insurance pay for implants?";
    expect(term(q, "wondering")?.role ?? "framing").toBe("framing");
    const insurance = term(q, "insurance")!;
    expect(insurance.offCorpus).toBe(true);
    expect(insurance.weight).toBeGreaterThan(term(q, "implants")!.weight * 0.5);
  });

  it("splits a two-part question into parts with their own answer types", () => {
    const a = analyze("How long does whitening take, and is sensitivity common?");
    expect(a.parts.map((p) => p.type)).toEqual(["duration", "yes_no"]);
    expect(a.parts[1]!.terms.map((t) => t.stem)).toContain(stem("sensitivity"));
  });

  it("keeps a short follow-on question as its own part, about what the part before named", () => {
    const a = analyze("what should I bring to my implant surgery and how long will I be there?");
    expect(a.parts.map((p) => p.type)).toEqual(["procedure", "duration"]);
    expect(a.parts[1]!.terms.map((t) => t.stem)).toContain(stem("implant"));
    // Its verbs were the first part's own question.
    expect(a.parts[1]!.terms.map((t) => t.stem)).not.toContain(stem("bring"));
    // Asking for the same kind of answer again, it still joins its neighbour.
    expect(analyze("how long does whitening take and how long will I be there?").parts).toHaveLength(1);
  });

  it("gives a part that points back with a pronoun and names nothing the nouns of the part before", () => {
    const a = analyze("what is tooth sensitivity, and does it fade?");
    expect(a.parts).toHaveLength(2);
    expect(a.parts[1]!.terms.map((t) => t.stem)).toEqual(expect.arrayContaining([stem("fade"), stem("sensitivity")]));
    // A part that names its own thing keeps to it.
    const b = analyze("How long does whitening take, and is sensitivity common?");
    expect(b.parts[1]!.terms.map((t) => t.stem)).not.toContain(stem("whitening"));
  });

  it("matches multi-word lexicon entries as whole phrases", () => {
    const t = term("can a gum infection spread?", "infection")!;
    expect(t.alternatives).toContainEqual([stem("gum"), stem("disease")]);
  });

  it("down-weights terms in most articles unless the question is about nothing else", () => {
    // "patients" is in most of the tiny corpus's articles.
    expect(stats.domainCommon(stem("patients"))).toBe(true);
    expect(term("do patients see results after one visit?", "patients")!.weight).toBeLessThan(stats.idf(stem("patients")));
    expect(stats.domainCommon(stem("implant"))).toBe(false);
  });
});

describe("the clinic's multi-word terms", () => {
  const ptStats = buildCorpusStats(PT_CHUNKS);
  const ptAnalyze = (q: string) => analyzeQuestion(q, { stats: ptStats, expansions: [] });

  it("reads a pair the articles write as one term as nouns, however the tagger read a terse question", () => {
    const a = ptAnalyze("sleeping position back pain");
    const back = a.terms.find((t) => t.stem === stem("back"))!;
    expect(back.pos).toBe("NOUN");
    expect(a.terms.find((t) => t.stem === stem("pain"))!.pos).toBe("NOUN");
    expect(a.subjects).toContainEqual([stem("back"), stem("pain")]);
    // The same words in a corpus that never writes them together stay what the tagger said: light.
    const tiny = analyze("sleeping position back pain").terms.find((t) => t.stem === stem("back"))!;
    expect(tiny.pos).not.toBe("NOUN");
    expect(tiny.weight).toBeLessThan(back.weight);
  });

  it("keeps a verb and its object apart", () => {
    // "reduce pain" is written twice, but as a verb and its object.
    expect(ptStats.collocation(stem("reduce"), stem("pain"))).not.toBeNull();
    expect(ptAnalyze("does walking reduce pain?").terms.find((t) => t.stem === stem("reduce"))!.pos).toBe("VERB");
  });

  it("takes no pair most articles use as what the question is about", () => {
    const a = ptAnalyze("how long is the home program?");
    expect(a.compounds).toContainEqual([stem("home"), stem("program")]);
    expect(a.subjects).toEqual([]);
  });
});

describe("abbreviations", () => {
  it("reads a capitalised word that spells a function word as a name, unless the whole message is shouted", () => {
    expect(analyze("Is IM better than IV?").terms.map((t) => t.stem)).toContain("im");
    expect(analyze("IS IT BETTER THAN THE OLD ONE?").terms.map((t) => t.stem)).not.toContain("it");
  });
});
