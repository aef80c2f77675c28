/**
 * Loads the safety phrase lists (the defaults' `safety/*.yaml`, plus a
 * clinic's additions: src/route/rule-overrides.ts), validates them with zod
 * and compiles every pattern once at startup.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readDataFile, restoreDefaultFix } from "../clinic-files.js";
import { ConfigError } from "../config.js";
import { CRISIS_MODEL_FILE, CrisisModelSchema, type CrisisModel } from "./classifier.js";
import { compileRiskModel, RISK_MODEL_FILE, RISK_THRESHOLDS_FILE, type RiskModel } from "./risk-model.js";
import { compileRiskTaxonomy, RISK_LANGUAGES_FILE, RISK_TAXONOMY_FILE } from "./risk-taxonomy.js";
import type { Topic } from "./topic.js";

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, "id must look like 'crisis.self_harm'"),
    pattern: z.string().min(1),
    requires: z.string().min(1).optional(),
    requires_personal: z.boolean().optional(),
    unless_informational: z.boolean().optional(),
    unless_history: z.boolean().optional(),
  })
  .strict();

export const ComboSchema = z
  .object({
    id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, "id must look like 'crisis.means_and_plan'"),
    /** Concept names (from `concepts`) that must all occur… */
    all: z.array(z.string().regex(/^[a-z_]+$/)).min(2),
    /** …within this many characters of one another. */
    window: z.number().int().min(10).max(400),
    unless_informational: z.boolean().optional(),
  })
  .strict();

export const RuleFileSchema = z
  .object({
    macros: z.record(z.string(), z.string()).optional(),
    rules: z.array(RuleSchema).optional(),
    concepts: z.record(z.string().regex(/^[a-z_]+$/, "concept names are lowercase letters and underscores"), z.string().min(1)).optional(),
    combos: z.array(ComboSchema).optional(),
    fuzzy: z.array(z.string().regex(/^[a-z]+$/, "fuzzy words are lowercase letters only")).optional(),
    personal: z.string().optional(),
    informational: z.string().optional(),
    history: z.string().optional(),
    current: z.string().optional(),
    /** Off-topic rule ids that do not apply to a message about the clinic's topic. */
    topic_exempt: z.array(z.string()).optional(),
    /** What every clinic is asked about besides its treatments (cost, insurance, forms): on-topic everywhere. */
    services: z.string().optional(),
  })
  .strict();

export const PatternRecord = z.record(z.string().regex(/^[a-z_]+$/, "names are lowercase letters and underscores"), z.string().min(1));

/** `risk.yaml`: the graded-risk thresholds and word lists (src/route/risk.ts). */
const RiskFileSchema = z
  .object({
    classifier: z.object({ clear: z.number().gt(0).lt(1) }).strict(),
    conversation: z
      .object({
        follow_up_max_words: z.number().int().min(1).max(50),
        follow_up_signals: PatternRecord,
      })
      .strict(),
  })
  .strict();

export interface NamedPattern {
  id: string;
  pattern: RegExp;
}

/** Compiled `risk.yaml`. */
export interface RiskSettings {
  /** Classifier score at or above which the emergency detectors call a message a crisis. */
  classifierClear: number;
  followUpMaxWords: number;
  /** What a short follow-up adds to a clear turn (`conversation.follow_up.<name>`). */
  followUpSignals: NamedPattern[];
}

export interface CompiledRule {
  id: string;
  pattern: RegExp;
  requires: RegExp | null;
  requiresPersonal: boolean;
  unlessInformational: boolean;
  unlessHistory: boolean;
}

/**
 * Concepts that must co-occur within `window` characters ("a lethal means"
 * near "getting or looking at it" near "me"). Generalizes past fixed
 * phrasings: each concept is a word list, and the combination carries the meaning.
 */
export interface CompiledCombo {
  id: string;
  concepts: RegExp[];
  window: number;
  unlessInformational: boolean;
}

export interface SafetyRules {
  crisis: CompiledRule[];
  crisisCombos: CompiledCombo[];
  /** The learned detector, consulted when no rule matched (src/route/classifier.ts). */
  crisisModel: CrisisModel;
  /** Thresholds and word lists of the graded risk levels (`risk.yaml`). */
  risk: RiskSettings;
  booking: CompiledRule[];
  advice: CompiledRule[];
  offTopic: CompiledRule[];
  fuzzyCrisisWords: string[];
  personal: RegExp;
  informational: RegExp;
  /** The distant past, told calmly; `current` overrides it. */
  history: RegExp | null;
  current: RegExp | null;
  /** What the clinic's articles are about (learned at index time). */
  topic: Topic;
  topicExempt: Set<string>;
  services: RegExp | null;
  /** The learned crisis risk model (product-wide; risk.ts runs its lexical variant). */
  riskModel: RiskModel;
}

export class SafetyRulesError extends ConfigError {
  override name = "SafetyRulesError";
}

export const GROUPS = { crisis: "crisis.yaml", booking: "booking.yaml", advice: "advice.yaml", offTopic: "offtopic.yaml" } as const;
export const RISK_FILE = "risk.yaml";

/** Macros may use other macros ("{someone}" names "{kin}"); a cycle is a config error, not a hang. */
const MACRO_DEPTH = 4;

function expandMacros(source: string, macros: Record<string, string>, where: string, depth = 0): string {
  return source.replace(/\{([a-z_]+)\}/g, (m, name: string) => {
    const value = macros[name];
    if (value === undefined) throw new SafetyRulesError(`${where}: unknown macro {${name}}`);
    if (depth >= MACRO_DEPTH) throw new SafetyRulesError(`${where}: macros nest deeper than ${MACRO_DEPTH} (a macro that names itself?): {${name}}`);
    return expandMacros(value, macros, where, depth + 1);
  });
}

function compile(source: string, macros: Record<string, string>, where: string): RegExp {
  const expanded = expandMacros(source, macros, where);
  try {
    return new RegExp(expanded, "iu");
  } catch (err) {
    throw new SafetyRulesError(`${where}: invalid regular expression: ${(err as Error).message}`);
  }
}

/** The risk model's files: product-wide, never overridden by a clinic. */
export const RISK_MODEL_FILES = [RISK_MODEL_FILE, RISK_THRESHOLDS_FILE, RISK_TAXONOMY_FILE, RISK_LANGUAGES_FILE] as const;

/** The rule files and the crisis models, parsed but not compiled: what the edge index bundles (so Node and Worker decide alike). */
export const SAFETY_RULE_FILES = ["macros.yaml", ...Object.values(GROUPS), RISK_FILE, CRISIS_MODEL_FILE, ...RISK_MODEL_FILES] as const;
export type SafetyRuleFiles = Record<(typeof SAFETY_RULE_FILES)[number], unknown>;

/** Reads (does not compile) the rule files in `dir`: all of them are required. */
export function readSafetyRuleFiles(dir: string): SafetyRuleFiles {
  let names: Set<string>;
  try {
    names = new Set(readdirSync(dir));
  } catch {
    throw new SafetyRulesError(`Missing safety rules folder ${dir}. Fix: ${restoreDefaultFix(dir)}`);
  }
  const files = {} as SafetyRuleFiles;
  for (const name of SAFETY_RULE_FILES) {
    const file = path.join(dir, name);
    if (!names.has(name)) throw new SafetyRulesError(`Missing safety rules file ${file}. Fix: ${restoreDefaultFix(file)}`);
    try {
      files[name] = readDataFile(file, "safety rules", restoreDefaultFix(file));
    } catch (err) {
      throw new SafetyRulesError((err as Error).message);
    }
  }
  return files;
}

/** Reads and compiles the rule files in `dir`. Throws SafetyRulesError naming file and field. */
export function loadSafetyRules(dir: string, topic: Topic): SafetyRules {
  return compileSafetyRules(readSafetyRuleFiles(dir), dir, topic);
}

/** Names a rule file in errors: `dir/name`, or where a merged file came from. */
export type RuleFileLabel = string | ((name: (typeof SAFETY_RULE_FILES)[number]) => string);

/** Validates and compiles parsed rule files; `source` only names them in errors; `topic` is the clinic's, from its index. */
export function compileSafetyRules(raw: SafetyRuleFiles, source: RuleFileLabel, topic: Topic): SafetyRules {
  const label = typeof source === "string" ? (name: (typeof SAFETY_RULE_FILES)[number]) => `${source}/${name}` : source;
  const modelParsed = CrisisModelSchema.safeParse(raw[CRISIS_MODEL_FILE]);
  if (!modelParsed.success) {
    throw new SafetyRulesError(
      `${label(CRISIS_MODEL_FILE)} is not a crisis model this version can read (${modelParsed.error.issues[0]?.message ?? "invalid"}). Fix: run \`npm run train:safety\`.`,
    );
  }
  const validate = (name: Exclude<keyof SafetyRuleFiles, typeof CRISIS_MODEL_FILE | typeof RISK_FILE>): z.infer<typeof RuleFileSchema> => {
    const file = label(name);
    const parsed = RuleFileSchema.safeParse(raw[name] ?? {});
    if (!parsed.success) {
      throw new SafetyRulesError(parsed.error.issues.map((i) => `${file}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
    }
    return parsed.data;
  };
  const macros = validate("macros.yaml").macros ?? {};
  const files = Object.fromEntries(Object.entries(GROUPS).map(([k, f]) => [k, validate(f)])) as Record<keyof typeof GROUPS, z.infer<typeof RuleFileSchema>>;

  const compileRules = (key: keyof typeof GROUPS) =>
    (files[key].rules ?? []).map((r, i) => {
      const where = `${label(GROUPS[key])}: rules.${i} (${r.id})`;
      return {
        id: r.id,
        pattern: compile(r.pattern, macros, `${where} pattern`),
        requires: r.requires ? compile(r.requires, macros, `${where} requires`) : null,
        requiresPersonal: r.requires_personal ?? false,
        unlessInformational: r.unless_informational ?? false,
        unlessHistory: r.unless_history ?? false,
      };
    });

  const crisisFile = files.crisis;
  const offFile = files.offTopic;
  const need = (value: string | undefined, field: string, file: (typeof SAFETY_RULE_FILES)[number]) => {
    if (!value) throw new SafetyRulesError(`${label(file)}: field '${field}' is required`);
    return compile(value, macros, `${label(file)}: ${field}`);
  };
  const concepts = new Map(Object.entries(crisisFile.concepts ?? {}).map(([name, source]) => [name, compile(source, macros, `${label(GROUPS.crisis)}: concepts.${name}`)]));
  const crisisCombos = (crisisFile.combos ?? []).map((combo, i) => ({
    id: combo.id,
    concepts: combo.all.map((name) => {
      const concept = concepts.get(name);
      if (!concept) throw new SafetyRulesError(`${label(GROUPS.crisis)}: combos.${i} (${combo.id}): unknown concept '${name}'`);
      // Global, to find every occurrence; `test` state is never relied on (matchAll).
      return new RegExp(concept.source, "giu");
    }),
    window: combo.window,
    unlessInformational: combo.unless_informational ?? false,
  }));
  const riskParsed = RiskFileSchema.safeParse(raw[RISK_FILE] ?? {});
  if (!riskParsed.success) {
    throw new SafetyRulesError(riskParsed.error.issues.map((i) => `${label(RISK_FILE)}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
  }
  const riskFile = riskParsed.data;
  const named = (record: Record<string, string>, field: string): NamedPattern[] =>
    Object.entries(record).map(([id, source]) => ({ id, pattern: compile(source, macros, `${label(RISK_FILE)}: ${field}.${id}`) }));
  const risk: RiskSettings = {
    classifierClear: riskFile.classifier.clear,
    followUpMaxWords: riskFile.conversation.follow_up_max_words,
    followUpSignals: named(riskFile.conversation.follow_up_signals, "conversation.follow_up_signals"),
  };
  const rules: Omit<SafetyRules, "riskModel"> = {
    crisis: compileRules("crisis"),
    crisisCombos,
    crisisModel: modelParsed.data,
    risk,
    booking: compileRules("booking"),
    advice: compileRules("advice"),
    offTopic: compileRules("offTopic"),
    fuzzyCrisisWords: crisisFile.fuzzy ?? [],
    personal: need(crisisFile.personal, "personal", GROUPS.crisis),
    informational: need(crisisFile.informational, "informational", GROUPS.crisis),
    history: crisisFile.history ? compile(crisisFile.history, macros, `${label(GROUPS.crisis)}: history`) : null,
    current: crisisFile.current ? compile(crisisFile.current, macros, `${label(GROUPS.crisis)}: current`) : null,
    topic,
    topicExempt: new Set(offFile.topic_exempt ?? []),
    services: offFile.services ? compile(offFile.services, macros, `${label(GROUPS.offTopic)}: services`) : null,
  };
  // The model reads today's detectors as features, so it is compiled over these rules.
  const compiled = rules as SafetyRules;
  const folder = label(RISK_MODEL_FILE).slice(0, -RISK_MODEL_FILE.length - 1);
  try {
    const taxonomy = compileRiskTaxonomy(raw[RISK_TAXONOMY_FILE], raw[RISK_LANGUAGES_FILE], folder);
    compiled.riskModel = compileRiskModel(raw[RISK_MODEL_FILE], raw[RISK_THRESHOLDS_FILE], taxonomy, compiled, folder);
  } catch (err) {
    throw new SafetyRulesError((err as Error).message);
  }
  return compiled;
}
