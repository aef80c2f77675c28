/**
 * A clinic's own `safety/*.yaml` add to the product-wide rules: a rule (or
 * combo) with the same id replaces the default one, a new id is appended;
 * named patterns (macros, concepts, risk words) with the same name replace
 * the default; word lists are joined; single patterns (`personal`, `services`…)
 * gain the clinic's pattern as another alternative. The crisis model and the
 * risk thresholds are product-wide (tuned together) and cannot be overridden.
 * Merging happens on the parsed files, so the edge index bundles the result
 * and Node and Workers compile exactly the same rules.
 */
import { EMPTY_TOPIC, type Topic } from "./topic.js";
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readDataFile } from "../clinic-files.js";
import { CRISIS_MODEL_FILE } from "./classifier.js";
import {
  compileSafetyRules,
  GROUPS,
  PatternRecord,
  readSafetyRuleFiles,
  RISK_FILE,
  RISK_MODEL_FILES,
  RuleFileSchema,
  SAFETY_RULE_FILES,
  SafetyRulesError,
  type SafetyRuleFiles,
  type SafetyRules,
} from "./rules.js";

type RuleFile = z.infer<typeof RuleFileSchema>;
type RuleFileName = "macros.yaml" | (typeof GROUPS)[keyof typeof GROUPS];

/** What a clinic's risk.yaml may add: words, never thresholds. */
const RiskOverrideSchema = z
  .object({
    conversation: z.object({ follow_up_signals: PatternRecord.optional() }).strict().optional(),
  })
  .strict();
type RiskOverride = z.infer<typeof RiskOverrideSchema>;

export interface SafetyOverrides {
  dir: string;
  files: Partial<Record<RuleFileName, RuleFile>> & { [RISK_FILE]?: RiskOverride };
}

const RULE_FILE_NAMES: RuleFileName[] = ["macros.yaml", ...Object.values(GROUPS)];
const OVERRIDABLE = [...RULE_FILE_NAMES, RISK_FILE].join(", ");

/** Reads and validates a clinic's `safety/` folder (every file in it is optional). */
export function readSafetyOverrides(dir: string): SafetyOverrides {
  const files: SafetyOverrides["files"] = {};
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(ya?ml|json)$/i.test(name)) continue; // a README next to the rules is fine
    const file = path.join(dir, name);
    if (name === CRISIS_MODEL_FILE || (RISK_MODEL_FILES as readonly string[]).includes(name)) {
      const what = name === CRISIS_MODEL_FILE ? "the crisis model" : "the risk model (with its taxonomy, languages and thresholds)";
      throw new SafetyRulesError(`${file}: ${what} is product-wide and lives in the defaults' safety folder. Fix: remove this file from the clinic folder.`);
    }
    if (name !== RISK_FILE && !(RULE_FILE_NAMES as string[]).includes(name)) {
      throw new SafetyRulesError(`${file}: not a safety rules file a clinic can add to (${OVERRIDABLE}). Fix: rename or remove it.`);
    }
    let raw: unknown;
    try {
      raw = readDataFile(file, "clinic safety rules", "remove it, or correct it.") ?? {};
    } catch (err) {
      throw new SafetyRulesError((err as Error).message);
    }
    const schema = name === RISK_FILE ? RiskOverrideSchema : RuleFileSchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const hint = name === RISK_FILE ? " (a clinic's risk.yaml may add only 'conversation.follow_up_signals'; the thresholds are product-wide)" : "";
      throw new SafetyRulesError(`${file}: ${parsed.error.issues.map((i) => `field '${i.path.join(".") || "(root)"}': ${i.message}`).join("; ")}${hint}`);
    }
    (files as Record<string, unknown>)[name] = parsed.data;
  }
  return { dir, files };
}

/** Same id replaces in place, new ids are appended. */
function byId<T extends { id: string }>(base: readonly T[] | undefined, added: readonly T[] | undefined): T[] | undefined {
  if (!added) return base ? [...base] : undefined;
  const replacements = new Map(added.map((r) => [r.id, r]));
  const merged = (base ?? []).map((r) => replacements.get(r.id) ?? r);
  const known = new Set(merged.map((r) => r.id));
  return [...merged, ...added.filter((r) => !known.has(r.id))];
}

const either = (a: string | undefined, b: string | undefined) => (a && b ? `(?:${a})|(?:${b})` : (a ?? b));
const union = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
const record = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => (a || b ? { ...a, ...b } : undefined);

/** Drops undefined fields (the files are strict: an absent key must stay absent). */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function mergeRuleFile(base: RuleFile, added: RuleFile): RuleFile {
  return defined({
    macros: record(base.macros, added.macros),
    rules: byId(base.rules, added.rules),
    concepts: record(base.concepts, added.concepts),
    combos: byId(base.combos, added.combos),
    fuzzy: union(base.fuzzy, added.fuzzy),
    personal: either(base.personal, added.personal),
    informational: either(base.informational, added.informational),
    history: either(base.history, added.history),
    current: either(base.current, added.current),
    services: either(base.services, added.services),
    topic_exempt: union(base.topic_exempt, added.topic_exempt),
  });
}

/** The product-wide files with a clinic's additions merged in (pure). */
export function mergeSafetyRuleFiles(defaults: SafetyRuleFiles, overrides: SafetyOverrides["files"]): SafetyRuleFiles {
  const merged = { ...defaults };
  for (const name of RULE_FILE_NAMES) {
    const added = overrides[name];
    // The defaults are validated when compiled; a malformed one is reported there, unmerged.
    const base = RuleFileSchema.safeParse(defaults[name] ?? {});
    if (added && base.success) merged[name] = mergeRuleFile(base.data, added);
  }
  const risk = overrides[RISK_FILE];
  const baseRisk = defaults[RISK_FILE] as { conversation?: { follow_up_signals?: Record<string, string> } } | null;
  if (risk && baseRisk && typeof baseRisk === "object") {
    merged[RISK_FILE] = {
      ...baseRisk,
      conversation: { ...baseRisk.conversation, follow_up_signals: { ...baseRisk.conversation?.follow_up_signals, ...risk.conversation?.follow_up_signals } },
    };
  }
  return merged;
}

export interface SafetyRuleSources {
  /** The product-wide safety folder (all files required). */
  defaults: string;
  /** The clinic's safety folder, or null when it adds nothing. */
  clinic: string | null;
}

/** The merged, parsed rule files: what the Node runtime compiles and the edge index bundles. */
export function readClinicSafetyRules(sources: SafetyRuleSources): SafetyRuleFiles {
  const defaults = readSafetyRuleFiles(sources.defaults);
  return sources.clinic ? mergeSafetyRuleFiles(defaults, readSafetyOverrides(sources.clinic).files) : defaults;
}

/** Names a merged file by both of its sources, so an error is findable in either. */
export function safetyRuleLabel(sources: SafetyRuleSources) {
  const clinicHas = new Set(sources.clinic ? readdirSync(sources.clinic) : []);
  return (name: (typeof SAFETY_RULE_FILES)[number]) =>
    clinicHas.has(name) ? `${path.join(sources.defaults, name)} + ${path.join(sources.clinic!, name)}` : path.join(sources.defaults, name);
}

/** Reads, merges and compiles the clinic's safety rules. Throws SafetyRulesError naming the file. */
export function loadClinicSafetyRules(sources: SafetyRuleSources, topic: Topic = EMPTY_TOPIC): SafetyRules {
  return compileSafetyRules(readClinicSafetyRules(sources), safetyRuleLabel(sources), topic);
}
