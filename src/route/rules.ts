/**
 * Loads the safety phrase lists (`corpus/safety/*.yaml`), validates them with
 * zod and compiles every pattern once at startup.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, "id must look like 'crisis.self_harm'"),
    pattern: z.string().min(1),
    requires: z.string().min(1).optional(),
    requires_personal: z.boolean().optional(),
    unless_informational: z.boolean().optional(),
  })
  .strict();

const FileSchema = z
  .object({
    macros: z.record(z.string(), z.string()).optional(),
    rules: z.array(RuleSchema).optional(),
    fuzzy: z.array(z.string().regex(/^[a-z]+$/, "fuzzy words are lowercase letters only")).optional(),
    personal: z.string().optional(),
    informational: z.string().optional(),
    domain: z.string().optional(),
    domain_exempt: z.array(z.string()).optional(),
  })
  .strict();

export interface CompiledRule {
  id: string;
  pattern: RegExp;
  requires: RegExp | null;
  requiresPersonal: boolean;
  unlessInformational: boolean;
}

export interface SafetyRules {
  crisis: CompiledRule[];
  booking: CompiledRule[];
  advice: CompiledRule[];
  offTopic: CompiledRule[];
  fuzzyCrisisWords: string[];
  personal: RegExp;
  informational: RegExp;
  domain: RegExp;
  domainExempt: Set<string>;
}

export class SafetyRulesError extends Error {
  override name = "SafetyRulesError";
}

const GROUPS = { crisis: "crisis.yaml", booking: "booking.yaml", advice: "advice.yaml", offTopic: "offtopic.yaml" } as const;

function compile(source: string, macros: Record<string, string>, where: string): RegExp {
  const expanded = source.replace(/\{([a-z_]+)\}/g, (m, name: string) => {
    const value = macros[name];
    if (value === undefined) throw new SafetyRulesError(`${where}: unknown macro {${name}}`);
    return value;
  });
  try {
    return new RegExp(expanded, "iu");
  } catch (err) {
    throw new SafetyRulesError(`${where}: invalid regular expression: ${(err as Error).message}`);
  }
}

/** The rule files, parsed but not compiled: what the edge index bundles. */
export type SafetyRuleFiles = Record<"macros.yaml" | (typeof GROUPS)[keyof typeof GROUPS], unknown>;
export const SAFETY_RULE_FILES = ["macros.yaml", ...Object.values(GROUPS)] as const;

/** Reads (does not compile) the rule files in `dir`. */
export function readSafetyRuleFiles(dir: string): SafetyRuleFiles {
  const names = new Set(readdirSync(dir).filter((n) => n.endsWith(".yaml")));
  const files = {} as SafetyRuleFiles;
  for (const name of SAFETY_RULE_FILES) {
    const file = path.join(dir, name);
    if (!names.has(name)) throw new SafetyRulesError(`Missing safety rules file ${file}`);
    try {
      files[name] = parseYaml(readFileSync(file, "utf8"));
    } catch (err) {
      throw new SafetyRulesError(`Cannot read safety rules ${file}: ${(err as Error).message}`);
    }
  }
  return files;
}

/** Reads and compiles the rule files in `dir`. Throws SafetyRulesError naming file and field. */
export function loadSafetyRules(dir: string): SafetyRules {
  return compileSafetyRules(readSafetyRuleFiles(dir), dir);
}

/** Validates and compiles parsed rule files; `dir` only names them in errors. */
export function compileSafetyRules(raw: SafetyRuleFiles, dir: string): SafetyRules {
  const validate = (name: keyof SafetyRuleFiles): z.infer<typeof FileSchema> => {
    const file = `${dir}/${name}`;
    const parsed = FileSchema.safeParse(raw[name] ?? {});
    if (!parsed.success) {
      throw new SafetyRulesError(parsed.error.issues.map((i) => `${file}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
    }
    return parsed.data;
  };
  const macros = validate("macros.yaml").macros ?? {};
  const files = Object.fromEntries(Object.entries(GROUPS).map(([k, f]) => [k, validate(f)])) as Record<keyof typeof GROUPS, z.infer<typeof FileSchema>>;

  const compileRules = (key: keyof typeof GROUPS) =>
    (files[key].rules ?? []).map((r, i) => {
      const where = `${dir}/${GROUPS[key]}: rules.${i} (${r.id})`;
      return {
        id: r.id,
        pattern: compile(r.pattern, macros, `${where} pattern`),
        requires: r.requires ? compile(r.requires, macros, `${where} requires`) : null,
        requiresPersonal: r.requires_personal ?? false,
        unlessInformational: r.unless_informational ?? false,
      };
    });

  const crisisFile = files.crisis;
  const offFile = files.offTopic;
  const need = (value: string | undefined, field: string, file: string) => {
    if (!value) throw new SafetyRulesError(`${dir}/${file}: field '${field}' is required`);
    return compile(value, macros, `${dir}/${file}: ${field}`);
  };
  return {
    crisis: compileRules("crisis"),
    booking: compileRules("booking"),
    advice: compileRules("advice"),
    offTopic: compileRules("offTopic"),
    fuzzyCrisisWords: crisisFile.fuzzy ?? [],
    personal: need(crisisFile.personal, "personal", GROUPS.crisis),
    informational: need(crisisFile.informational, "informational", GROUPS.crisis),
    domain: need(offFile.domain, "domain", GROUPS.offTopic),
    domainExempt: new Set(offFile.domain_exempt ?? []),
  };
}
