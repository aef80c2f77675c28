import { beforeAll, describe, expect, it } from "vitest";
import type { ChatReply, Citation } from "../../../src/contract.js";
import {
  checkCitations,
  checkContract,
  checkFacts,
  checkForbid,
  checkSafety,
  checkGrounded,
  checkSources,
  claimsOf,
  containsPhrase,
  scoreReply,
} from "../../../src/eval/checks.js";
import type { CorpusReference } from "../../../src/eval/corpus-reference.js";
import { loadReference } from "./reference.js";

const ARTICLE = "what-to-know-about-ketamine-therapy-for-pain-management";
const TITLE = "What to Know About Ketamine Therapy for Pain Management";
const SESSION = "Each session usually lasts about an hour, during which the individual may experience a sense of dissociation or altered perception.";

let ref: CorpusReference;
beforeAll(async () => {
  ref = await loadReference();
});

function citation(n: number, quote: string, overrides: Partial<Citation> = {}): Citation {
  return { n, articleId: ARTICLE, title: TITLE, section: "How Ketamine Therapy Works", url: null, quote, ...overrides };
}

function reply(text: string, citations: Citation[], overrides: Partial<ChatReply> = {}): ChatReply {
  return { type: "answer", text, citations, disclaimer: "General information, not medical advice.", actions: [], sessionId: "s1", ...overrides };
}

describe("phrase matching", () => {
  it("is case- and typography-insensitive and starts at a word boundary", () => {
    expect(containsPhrase("Sessions last about an HOUR [1].", "hour")).toBe(true);
    expect(containsPhrase("It takes two hours.", "hour")).toBe(true);
    expect(containsPhrase("Among other things.", "mg")).toBe(false);
    expect(containsPhrase("Take 50 mg.", "mg")).toBe(true);
    expect(containsPhrase("The patient’s response varies.", "patient's response")).toBe(true);
    expect(containsPhrase("Nothing here", "")).toBe(false);
  });

  it("does not let citation markers split a phrase", () => {
    expect(containsPhrase("about an [1] hour", "an hour")).toBe(true);
  });
});

describe("checkFacts", () => {
  it("needs one phrase of every group", () => {
    const text = "Each session usually lasts about an hour. [1]";
    expect(checkFacts([["hour", "minutes"]], text).pass).toBe(true);
    expect(checkFacts([["hour", "minutes"], ["dissociation"]], text)).toEqual({ pass: false, detail: "missing facts: [dissociation]" });
  });

  it("names every missing group when several are missing", () => {
    const result = checkFacts([["nausea"], ["hour"], ["dizziness", "dizzy"]], "It lasts an hour.");
    expect(result.pass).toBe(false);
    expect(result.detail).toContain("[nausea]");
    expect(result.detail).toContain("[dizziness | dizzy]");
    expect(result.detail).not.toContain("[hour]");
  });
});

describe("checkForbid and checkSources", () => {
  it("fails on any forbidden phrase and names it", () => {
    expect(checkForbid(["dose", "mg"], "No personal advice here.").pass).toBe(true);
    expect(checkForbid(["dose", "mg"], "Your doses are 5 mg.")).toEqual({ pass: false, detail: "forbidden phrases present: dose, mg" });
  });

  it("accepts an article id or the exact title, any of them", () => {
    const cited = [citation(1, SESSION)];
    expect(checkSources(["other-article", ARTICLE], cited).pass).toBe(true);
    expect(checkSources([TITLE], cited).pass).toBe(true);
    expect(checkSources(["what to know about ketamine therapy for pain management"], cited).pass).toBe(false);
    expect(checkSources(["x"], []).detail).toContain("cited: nothing");
  });
});

describe("checkSafety", () => {
  const notice = { level: "possible" as const, text: "Call or text 988.", actions: [{ kind: "call" as const, label: "988", href: "tel:988" }] };
  it("wants the notice when possible is expected, and none when none is", () => {
    expect(checkSafety("possible", { safety: notice }).pass).toBe(true);
    expect(checkSafety("possible", {})).toEqual({ pass: false, detail: "expected the crisis notice, the reply has none" });
    expect(checkSafety("none", {}).pass).toBe(true);
    expect(checkSafety("none", { safety: notice }).pass).toBe(false);
  });
});

describe("checkCitations", () => {
  it("passes verbatim quotes referenced by markers", () => {
    expect(checkCitations(reply(`${SESSION} [1]`, [citation(1, SESSION)]), ref)).toEqual({ pass: true, detail: null });
  });

  it("fails a marker without a citation", () => {
    const result = checkCitations(reply(`${SESSION} [1] It wears off. [2]`, [citation(1, SESSION)]), ref);
    expect(result.pass).toBe(false);
    expect(result.detail).toContain("[2] has no citation");
  });

  it("fails a quote that is not in the corpus, even if close", () => {
    const altered = SESSION.replace("about an hour", "about two hours");
    const result = checkCitations(reply(`${altered} [1]`, [citation(1, altered)]), ref);
    expect(result.pass).toBe(false);
    expect(result.detail).toContain("not verbatim");
  });

  it("fails a quote attributed to the wrong article, an unknown article, a wrong title, and an unused citation", () => {
    const wrongArticle = checkCitations(reply(`${SESSION} [1]`, [citation(1, SESSION, { articleId: "ketamine-treatment-how-long-does-it-last", title: "Ketamine Treatment: How Long Does It Last?" })]), ref);
    expect(wrongArticle.pass).toBe(false);
    const unknown = checkCitations(reply(`${SESSION} [1]`, [citation(1, SESSION, { articleId: "made-up", title: "Made up" })]), ref);
    expect(unknown.detail).toContain("not in the approved corpus");
    const title = checkCitations(reply(`${SESSION} [1]`, [citation(1, SESSION, { title: "Another title" })]), ref);
    expect(title.detail).toContain("has title");
    const unused = checkCitations(reply(`${SESSION} [1]`, [citation(1, SESSION), citation(2, SESSION)]), ref);
    expect(unused.detail).toContain("citation 2 is never referenced");
  });

  it("tolerates whitespace differences in quotes only", () => {
    const spaced = SESSION.replace("about an hour", "about  an\nhour");
    expect(checkCitations(reply(`${SESSION} [1]`, [citation(1, spaced)]), ref).pass).toBe(true);
  });
});

describe("checkGrounded", () => {
  it("accepts cited corpus sentences and clinic fixed texts", () => {
    const advice = ref.fixedTexts.find((t) => t.startsWith("I can't give personal medical advice"))!;
    const intro = ref.fixedTexts.find((t) => t.startsWith("Here is general information"))!;
    expect(checkGrounded(reply(`${advice} ${intro} ${SESSION} [1]`, [citation(1, SESSION)]), ref).pass).toBe(true);
    expect(checkGrounded(reply(advice, []), ref).pass).toBe(true);
  });

  it("fails an uncited sentence that is not clinic text", () => {
    const result = checkGrounded(reply(`${SESSION} [1] Most patients need six sessions.`, [citation(1, SESSION)]), ref);
    expect(result.pass).toBe(false);
    expect(result.detail).toContain("has no citation");
  });

  it("fails a cited sentence whose number is not in the cited passage", () => {
    const result = checkGrounded(reply("Each session usually lasts about three hours. [1]", [citation(1, SESSION)]), ref);
    expect(result.pass).toBe(false);
    expect(result.detail).toContain("number_not_in_passage");
  });

  it("fails a sentence that flips the passage's polarity", () => {
    const passage = "While ketamine therapy shows great promise, it is not a one-size-fits-all solution.";
    const result = checkGrounded(reply("Ketamine therapy is a one-size-fits-all solution. [1]", [citation(1, passage)]), ref);
    expect(result.pass).toBe(false);
  });

  it("fails a sentence that cites a passage from another article", () => {
    const other = { articleId: "ketamine-treatment-how-long-does-it-last", title: "Ketamine Treatment: How Long Does It Last?", section: null };
    const result = checkGrounded(reply("Each session usually lasts about an hour. [1]", [citation(1, "x", other)]), ref);
    expect(result.pass).toBe(false);
  });

  it("gives every sentence of a marked run the run's markers", () => {
    const claims = claimsOf("First sentence here. Second sentence here. [1][2] Tail without marker.", []);
    expect(claims).toEqual([
      { sentence: "First sentence here.", markers: [1, 2] },
      { sentence: "Second sentence here.", markers: [1, 2] },
      { sentence: "Tail without marker.", markers: [] },
    ]);
  });
});

describe("scoreReply", () => {
  it("always checks the invariants and only the expectations given", () => {
    const checks = scoreReply(reply(`${SESSION} [1]`, [citation(1, SESSION)]), {}, ref);
    expect(Object.keys(checks).sort()).toEqual(["citations", "contract", "disclaimer", "grounded"]);
    const full = scoreReply(reply(`${SESSION} [1]`, [citation(1, SESSION)]), { type: "no_answer", sources: [ARTICLE], facts: [["hour"]], forbid: ["mg"] }, ref);
    expect(full.type).toEqual({ pass: false, detail: "expected type no_answer, got answer" });
    expect(full.sources?.pass && full.facts?.pass && full.forbid?.pass).toBe(true);
  });

  it("fails the contract and the disclaimer on a reply without one", () => {
    const bad = reply("I don't know.", [], { disclaimer: "" });
    expect(checkContract(bad).pass).toBe(false);
    expect(scoreReply(bad, {}, ref).disclaimer?.pass).toBe(false);
  });
});
