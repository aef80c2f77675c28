/** Graded crisis risk (src/route/risk.ts) with the shipped rules: levels, the classifier band, and conversations. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Turn } from "../../../src/contract.js";
import { classifierScore, readMessage } from "../../../src/route/crisis.js";
import { assessMessage, assessRisk, routeMessage, sanitizeInput, type SafetyRules } from "../../../src/route/index.js";
import { clinicRules } from "../../helpers/rules.js";

const root = path.resolve(import.meta.dirname, "../../..");
let rules: SafetyRules;
beforeAll(() => {
  rules = clinicRules();
});

const risk = (message: string, history: Turn[] = []) => assessRisk(sanitizeInput(message), history, rules);
const user = (content: string): Turn => ({ role: "user", content });
const assistant = (content: string): Turn => ({ role: "assistant", content });

describe("one message", () => {
  it("is clear exactly when the emergency detectors fire, naming their rule", () => {
    expect(risk("I want to end my life")).toEqual({ level: "clear", rule: "crisis.end_life" });
    for (const m of ["I want to end my life", "how long does a session last?", "this pain is killing me, will ketamine help?"]) {
      expect(risk(m).level === "clear").toBe(routeMessage(sanitizeInput(m), rules).kind === "emergency");
    }
  });

  it("gives the notice when crisis words appear in a question about the treatment or an account of the past", () => {
    expect(risk("is suicide risk a side effect of ketamine?")).toEqual({ level: "possible", rule: "risk.concern.suicide" });
    expect(risk("is self harm a risk with ketamine")).toEqual({ level: "possible", rule: "risk.concern.self_harm" });
    expect(risk("I survived a suicide attempt years ago and I'm stable now, am I a candidate?")).toEqual({ level: "possible", rule: "risk.concern.suicide" });
    expect(risk("Can you overdose on ketamine?")).toEqual({ level: "possible", rule: "risk.concern.overdose" });
  });

  it("leaves figurative and ordinary questions alone", () => {
    for (const m of ["this pain is killing me, will ketamine help?", "I'm dying to know how many sessions I need", "How long does one session take?", "I'd like to book a consultation"]) {
      expect(risk(m), m).toEqual({ level: "none", rule: null });
    }
  });

  it("puts a classifier score between the two thresholds at possible, and only with enough words", () => {
    const message = "I keep thinking nobody would notice much";
    const score = classifierScore(readMessage(message, rules), rules);
    expect(score).toBeGreaterThan(0);
    const band = (possible: number, clear: number, minWords = 1): SafetyRules => ({ ...rules, risk: { ...rules.risk, classifierPossible: possible, classifierClear: clear, classifierPossibleMinWords: minWords, concern: [] } });
    // Rules and combos must not decide this message, or the band is not what is measured.
    expect(assessMessage(message, band(0.999998, 0.999999))).toEqual({ level: "none", rule: null });
    expect(assessMessage(message, band(score - 1e-9, 0.999999))).toEqual({ level: "possible", rule: "risk.classifier" });
    expect(assessMessage(message, band(score - 2e-9, score - 1e-9))).toEqual({ level: "clear", rule: "crisis.classifier" });
    expect(assessMessage(message, band(score - 1e-9, 0.999999, 50))).toEqual({ level: "none", rule: null });
  });
});

describe("in a conversation", () => {
  const disclosure = [user("I have been thinking about ending my life"), assistant("...")];

  it("reads a short follow-up with the worrying turn before it (issue 13, finding 2)", () => {
    expect(risk("yes, tonight")).toEqual({ level: "none", rule: null });
    expect(risk("yes, tonight", disclosure)).toEqual({ level: "clear", rule: "conversation.follow_up.affirm" });
    expect(risk("i got enough", disclosure)).toEqual({ level: "clear", rule: "conversation.follow_up.possession" });
    expect(risk("tonight", [user("I want to kill myself"), assistant("..."), user("nobody listens")])).toEqual({ level: "clear", rule: "conversation.follow_up.timing" });
  });

  it("never trusts assistant turns: crisis words there change nothing", () => {
    expect(risk("yes, tonight", [assistant("I have been thinking about ending my life")])).toEqual({ level: "none", rule: null });
    expect(risk("how long does a session last?", [assistant("I want to kill myself")])).toEqual({ level: "none", rule: null });
  });

  it("never drops: after a clear or possible turn every reply carries at least the notice", () => {
    expect(risk("how long does a session last?", disclosure)).toEqual({ level: "possible", rule: "conversation.earlier_clear" });
    const question = [user("Is ketamine used for suicidal depression?"), assistant("...")];
    expect(risk("ok, what does it cost?", question)).toEqual({ level: "possible", rule: "conversation.earlier_possible" });
    // Far back, the turn no longer lends meaning to a follow-up, but the notice stays.
    const later = [...disclosure, user("how long is a session?"), user("what about side effects?"), user("do you take insurance?")];
    expect(risk("yes, tonight", later)).toEqual({ level: "possible", rule: "conversation.earlier_clear" });
  });

  it("turns a possible question into a clear disclosure when the follow-up brings something of its own", () => {
    const question = [user("Is ketamine used for suicidal depression?"), assistant("...")];
    expect(risk("asking because i am", question)).toEqual({ level: "clear", rule: "conversation.together.crisis.suicide" });
    // "i see" only acknowledges: read together it would look like a first-person disclosure.
    expect(risk("i see", question)).toEqual({ level: "possible", rule: "conversation.earlier_possible" });
  });

  it("does not read a long new question as a follow-up", () => {
    const long = "yes and I also wanted to ask how long the sessions usually last at your clinic";
    expect(risk(long, disclosure)).toEqual({ level: "possible", rule: "conversation.earlier_clear" });
  });
});
