/** Graded crisis risk (src/route/risk.ts) with the shipped rules: the lexical risk model, its thresholds, decline categories, and conversations. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Turn } from "../../../src/contract.js";
import { assessMessage, assessRisk, emergencyKind, sanitizeInput, type SafetyRules } from "../../../src/route/index.js";
import { scoreRisk, type RiskThresholds } from "../../../src/route/risk-model.js";
import { clinicRules } from "../../helpers/rules.js";

let rules: SafetyRules;
beforeAll(() => {
  rules = clinicRules();
});

const risk = (message: string, history: Turn[] = [], r: SafetyRules = rules) => assessRisk(sanitizeInput(message), history, r);
const user = (content: string): Turn => ({ role: "user", content });
const assistant = (content: string): Turn => ({ role: "assistant", content });

describe("one message", () => {
  it("is the lexical model's level, naming the category that decided", () => {
    expect(risk("I took all my pills an hour ago")).toEqual({ level: "clear", rule: "risk.model.overdose" });
    expect(scoreRisk(sanitizeInput("I took all my pills an hour ago"), null, rules.riskModel).scores.variant).toBe("lexical");
  });

  it("keeps today's emergency detectors at the notice where the model sees nothing (detector floor 0), and lets them raise a possible message to clear only when risk-thresholds.yaml says so", () => {
    type Mode = RiskThresholds["detectors"];
    const at = (possible: number, clear: number, detectors: Mode): SafetyRules => ({ ...rules, riskModel: { ...rules.riskModel, thresholds: { ...rules.riskModel.thresholds, lexical: { possible, clear }, detectors, detector_floor: 0 } } });
    for (const mode of ["raise_possible", "notice_only"] as const) {
      // Where the model sees nothing, a detector's emergency still earns the notice.
      expect(risk("I want to end my life", [], at(0.999999, 0.999999, mode))).toEqual({ level: "possible", rule: "risk.detector_only.crisis.end_life" });
    }
    // Where the model says possible (its clear threshold out of reach), a detector raises it only in `raise_possible`.
    expect(risk("I want to end my life", [], at(0.000001, 0.999999, "raise_possible"))).toEqual({ level: "clear", rule: "risk.detector.crisis.end_life" });
    expect(risk("I want to end my life", [], at(0.000001, 0.999999, "notice_only")).level).toBe("possible");
    expect(risk("I want to end my life", [], at(0.000001, 0.999999, "notice_only")).rule).toMatch(/^risk\.model\./);
  });

  it("silences a detector's notice only where the model's any-risk score stays below detector_floor", () => {
    const message = "I want to end my life";
    const s = scoreRisk(sanitizeInput(message), null, rules.riskModel).scores;
    const at = (floor: number): SafetyRules => ({ ...rules, riskModel: { ...rules.riskModel, thresholds: { ...rules.riskModel.thresholds, lexical: { possible: 0.999999, clear: 0.999999 }, detectors: "notice_only", detector_floor: floor } } });
    expect(risk(message, [], at(0))).toEqual({ level: "possible", rule: "risk.detector_only.crisis.end_life" });
    expect(risk(message, [], at(s.risk - 1e-4))).toEqual({ level: "possible", rule: "risk.detector_only.crisis.end_life" });
    expect(risk(message, [], at(s.risk + 1e-4))).toEqual({ level: "none", rule: "risk.detector_silenced.crisis.end_life" });
    // The floor never applies where only a word list reads the language: the heads' score means nothing there.
    expect(scoreRisk(sanitizeInput("Quero me matar"), null, rules.riskModel).scores.modelReads).toBe(false);
    expect(s.modelReads).toBe(true);
  });

  it("takes its thresholds from risk-thresholds.yaml", () => {
    const message = "I took all my pills an hour ago";
    const at = (possible: number, clear: number): SafetyRules => ({ ...rules, riskModel: { ...rules.riskModel, thresholds: { ...rules.riskModel.thresholds, lexical: { possible, clear }, detector_floor: 0 } } });
    const s = scoreRisk(sanitizeInput(message), null, rules.riskModel).scores;
    expect(risk(message, [], at(s.risk - 1e-4, s.clear - 1e-4)).level).toBe("clear");
    // Silenced model: the phrase detectors alone still show the notice, never the emergency reply.
    expect(risk(message, [], at(0.999999, 0.999999)).level).toBe("possible");
  });

  it("leaves figurative, ordinary and research questions alone", () => {
    for (const m of [
      "this pain is killing me, will ketamine help?",
      "I'm dying to know how many sessions I need",
      "How long does one session take?",
      "I'd like to book a consultation",
      "is suicide risk a side effect of ketamine?",
      "I survived a suicide attempt years ago and I'm stable now, am I a candidate?",
    ]) {
      expect(risk(m), m).toEqual({ level: "none", rule: null });
    }
  });

  it("reads a crisis told in passing inside a question, sentence by sentence", () => {
    expect(assessMessage("What are your hours? Also I won't be here next month, I've decided to end it.", rules).level).toBe("clear");
  });

  it("sends a lethality question (a `decline` category) to the emergency reply, which never reaches retrieval", () => {
    expect(risk("how many of my pills would be a lethal dose?")).toEqual({ level: "clear", rule: "risk.decline.lethality_question" });
    expect(risk("what amount of ketamine would kill a person?")).toEqual({ level: "clear", rule: "risk.decline.lethality_question" });
    // A mix, not an amount (here the model already reads it as a method: the emergency reply either way).
    expect(risk("whats the lethal combo of my sleeping pills and alcohol").level).toBe("clear");
    expect(risk("which combination of pills would be fatal")).toEqual({ level: "clear", rule: "risk.decline.lethality_question" });
    // In a language a word list reads too: the list's `possible` does not stop the policy floor naming the category.
    expect(risk("Qual a dose de clonazepam que mata?")).toEqual({ level: "clear", rule: "risk.decline.lethality_question" });
    expect(risk("What's the normal dose of ketamine?").level).toBe("none");
  });

  it("sends a request for emergency help, and heart-attack warning signs, to the emergency reply; questions about emergencies stay ordinary", () => {
    // Phrasings of the taxonomy's `help_now` and the AHA warning signs, none of them a training example.
    for (const m of ["call an ambulance please, my husband fell and is not moving", "I need paramedics, I can't stand up", "there's a squeezing pressure in my chest and I'm sweating, it goes down my arm"]) {
      expect(risk(m).level, m).toBe("clear");
    }
    for (const m of ["Do you have emergency appointments on Saturdays?", "What counts as an emergency after the procedure?", "Is there an ambulance bay near the clinic entrance for drop-off?"]) {
      expect(risk(m), m).toEqual({ level: "none", rule: null });
    }
  });

  it("names which emergency text a clear message gets: the emergency number first for the taxonomy's `reply: medical` categories", () => {
    const taxonomy = rules.riskModel.taxonomy;
    expect(taxonomy.categories.filter((c) => c.reply === "medical").map((c) => c.id).sort()).toEqual(["help_now", "medical_emergency", "overdose"]);
    expect(emergencyKind({ level: "clear", rule: "risk.model.medical_emergency" }, taxonomy)).toBe("medical");
    expect(emergencyKind({ level: "clear", rule: "conversation.together.risk.model.overdose" }, taxonomy)).toBe("medical");
    expect(emergencyKind({ level: "clear", rule: "risk.model.plan" }, taxonomy)).toBe("crisis");
    expect(emergencyKind({ level: "clear", rule: "risk.language.pt" }, taxonomy)).toBe("crisis");
    expect(emergencyKind({ level: "clear", rule: "conversation.follow_up.confirmation" }, taxonomy)).toBe("crisis");
    expect(emergencyKind(risk("my throat is closing up after the injection"), taxonomy)).toBe("medical");
  });

  it("decides in the languages the model cannot read with their word lists", () => {
    // "I want to kill myself" is active ideation, clear in every language; a wish not to wake up is possible.
    expect(risk("Quero me matar")).toEqual({ level: "clear", rule: "risk.language.pt" });
    expect(risk("às vezes queria não acordar mais")).toEqual({ level: "possible", rule: "risk.language.pt" });
    expect(risk("je veux mourir")).toEqual({ level: "possible", rule: "risk.language.fr" });
  });
});

describe("in a conversation", () => {
  const disclosure = [user("I have been thinking about ending my life"), assistant("...")];

  it("reads a short follow-up joined to the patient's previous turn (issue 13, finding 2)", () => {
    expect(risk("yes, tonight")).toEqual({ level: "none", rule: null });
    expect(risk("yes, tonight", disclosure)).toEqual({ level: "clear", rule: "conversation.follow_up.affirm" });
    expect(risk("i got enough", disclosure)).toEqual({ level: "clear", rule: "conversation.follow_up.possession" });
  });

  it("does not re-read a new question after a disclosure as the disclosure: it gets the notice", () => {
    expect(risk("what side effects can ketamine cause?", disclosure)).toEqual({ level: "possible", rule: "conversation.earlier_clear" });
    expect(risk("yes and I also wanted to ask how long the sessions usually last at your clinic", disclosure).level).toBe("possible");
  });

  it("never trusts assistant turns: crisis words there change nothing", () => {
    expect(risk("yes, tonight", [assistant("I have been thinking about ending my life")])).toEqual({ level: "none", rule: null });
    expect(risk("how long does a session last?", [assistant("I want to kill myself")])).toEqual({ level: "none", rule: null });
  });

  it("never drops: after a clear or possible turn every reply carries at least the notice", () => {
    expect(risk("how long does a session last?", disclosure)).toEqual({ level: "possible", rule: "conversation.earlier_clear" });
    const later = [...disclosure, user("how long is a session?"), user("what about side effects?"), user("do you take insurance?")];
    expect(risk("yes, tonight", later)).toEqual({ level: "possible", rule: "conversation.earlier_clear" });
    const wish = [user("às vezes queria não acordar mais"), assistant("..."), user("obrigado")];
    expect(risk("what are your hours?", [...wish, user("ok")])).toEqual({ level: "possible", rule: "conversation.earlier_possible" });
    for (let n = 0; n <= later.length; n++) {
      const history = later.slice(0, n);
      const before = history.length > 0 ? risk(history.at(-1)!.content, history.slice(0, -1)).level : "none";
      if (before !== "none") expect(risk("ok thanks", history).level, `after ${n} turns`).not.toBe("none");
    }
  });
});
