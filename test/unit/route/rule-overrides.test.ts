/**
 * A clinic's safety/*.yaml add to the product-wide rules: the same id
 * replaces the default rule, a new id is appended, and what is product-wide
 * (the crisis model, the risk thresholds) cannot be overridden.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadClinicSafetyRules, loadSafetyRules, routeIntent, SafetyRulesError } from "../../../src/route/index.js";
import { EMPTY_TOPIC } from "../../../src/route/topic.js";

const DEFAULTS = path.resolve(import.meta.dirname, "../../../corpus/defaults/safety");
const defaults = loadSafetyRules(DEFAULTS, EMPTY_TOPIC);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A clinic safety folder with the given files. */
function clinicSafety(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "clinic-safety-")), "safety");
  dirs.push(path.dirname(dir));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

describe("clinic safety overrides", () => {
  it("replaces a default rule with the same id, in place, and appends a new one", () => {
    const clinic = clinicSafety({
      "booking.yaml": 'rules:\n  - id: booking.contact\n    pattern: "\\\\bfront desk\\\\b"\n  - id: booking.walk_in\n    pattern: "\\\\bwalk[ -]in\\\\b"\n',
    });
    const merged = loadClinicSafetyRules({ defaults: DEFAULTS, clinic });
    const ids = (rules: typeof merged.booking) => rules.map((r) => r.id);
    expect(ids(merged.booking)).toEqual([...ids(defaults.booking), "booking.walk_in"]);
    expect(merged.booking.find((r) => r.id === "booking.contact")!.pattern.source).toBe("\\bfront desk\\b");

    // The default booking.contact rule routed this; the clinic's replacement does not.
    expect(routeIntent("can I talk to a real person", defaults)).toEqual({ kind: "booking", rule: "booking.contact" });
    expect(routeIntent("can I talk to a real person", merged).rule).not.toBe("booking.contact");
    expect(routeIntent("please ask the front desk", merged)).toEqual({ kind: "booking", rule: "booking.contact" });
    expect(routeIntent("is a walk-in visit possible", merged)).toEqual({ kind: "booking", rule: "booking.walk_in" });
    // The other default rules are untouched.
    expect(merged.crisis.map((r) => r.id)).toEqual(defaults.crisis.map((r) => r.id));
  });

  it("adds the clinic's words to the single patterns and lists, and its own macros", () => {
    const clinic = clinicSafety({
      "macros.yaml": 'macros:\n  tooth: "(?:tooth|teeth|molar)"\n',
      "offtopic.yaml": 'services: "\\\\b{tooth} whitening plans?\\\\b"\ntopic_exempt: [offtopic.code]\n',
      "risk.yaml": 'conversation:\n  follow_up_signals:\n    clinic_words: "\\\\bthe bottle\\\\b"\n',
    });
    const merged = loadClinicSafetyRules({ defaults: DEFAULTS, clinic });
    expect(merged.services!.test("do you offer molar whitening plans")).toBe(true);
    expect(defaults.services!.test("do you offer molar whitening plans")).toBe(false);
    expect(merged.services!.test("does insurance cover it")).toBe(defaults.services!.test("does insurance cover it"));
    expect([...merged.topicExempt].sort()).toEqual([...new Set([...defaults.topicExempt, "offtopic.code"])].sort());
    expect(merged.risk.followUpSignals.map((c) => c.id)).toEqual([...defaults.risk.followUpSignals.map((c) => c.id), "clinic_words"]);
    expect(merged.risk.followUpSignals.at(-1)!.pattern.test("i have the bottle")).toBe(true);
    expect(merged.risk.classifierClear).toBe(defaults.risk.classifierClear);
  });

  it("expands macros that name other macros, and refuses a macro that names itself", () => {
    const nested = clinicSafety({
      "macros.yaml": 'macros:\n  pet: "(?:cat|dog)"\n  owner: "(?:my {pet})"\n',
      "booking.yaml": 'rules:\n  - id: booking.pet_visit\n    pattern: "\\\\bbring {owner}\\\\b"\n',
    });
    expect(routeIntent("can I bring my dog along", loadClinicSafetyRules({ defaults: DEFAULTS, clinic: nested }))).toEqual({ kind: "booking", rule: "booking.pet_visit" });
    const cycle = clinicSafety({ "macros.yaml": 'macros:\n  loop: "(?:a{loop})"\n', "booking.yaml": 'rules:\n  - id: booking.loop\n    pattern: "{loop}"\n' });
    expect(errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: cycle })).message).toMatch(/macros nest deeper than \d+ .*\{loop\}/);
  });

  it("refuses what is product-wide, and files it does not know, naming the file", () => {
    const model = clinicSafety({ "crisis-model.json": "{}" });
    expect(errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: model })).message).toContain(`${path.join(model, "crisis-model.json")}: the crisis model is product-wide`);
    const riskModel = clinicSafety({ "risk-thresholds.yaml": "lexical: { possible: 0.1, clear: 0.2 }\n" });
    expect(errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: riskModel })).message).toContain(`${path.join(riskModel, "risk-thresholds.yaml")}: the risk model (with its taxonomy, languages and thresholds) is product-wide`);
    const thresholds = clinicSafety({ "risk.yaml": "classifier: { clear: 0.2 }\n" });
    const risk = errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: thresholds }));
    expect(risk).toBeInstanceOf(SafetyRulesError);
    expect(risk.message).toContain(path.join(thresholds, "risk.yaml"));
    expect(risk.message).toContain("the thresholds are product-wide");
    // The `concern` word lists are gone (the risk model decides the notice): a clinic's list is refused, not silently ignored.
    const concern = clinicSafety({ "risk.yaml": 'concern:\n  clinic_words: "\\\\bgive up\\\\b"\n' });
    expect(errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: concern })).message).toContain("may add only 'conversation.follow_up_signals'");
    const typo = clinicSafety({ "bookings.yaml": "rules: []\n", "README.md": "notes are fine" });
    expect(errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: typo })).message).toContain(`${path.join(typo, "bookings.yaml")}: not a safety rules file`);
  });

  it("names the clinic's file and the rule when its pattern is broken", () => {
    const clinic = clinicSafety({ "advice.yaml": 'rules:\n  - id: advice.dosage_chart\n    pattern: "(unclosed"\n' });
    const err = errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic }));
    expect(err).toBeInstanceOf(SafetyRulesError);
    expect(err.message).toContain(path.join(clinic, "advice.yaml"));
    expect(err.message).toContain("(advice.dosage_chart) pattern: invalid regular expression");
    expect(err.message).not.toContain("\n");
    const schema = clinicSafety({ "advice.yaml": "rules:\n  - id: Bad Id\n    pattern: x\n" });
    expect(errorOf(() => loadClinicSafetyRules({ defaults: DEFAULTS, clinic: schema })).message).toMatch(new RegExp(`${path.join(schema, "advice.yaml").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: field 'rules\\.0\\.id'`));
  });
});
