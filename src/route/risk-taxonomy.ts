/**
 * The risk taxonomy (corpus/defaults/safety/risk-taxonomy.yaml) and the per-language
 * word lists (risk-languages.yaml): what the crisis safety net covers, which
 * level each category reaches, the cue patterns the learned model uses as
 * features, and language detection for languages the model cannot read.
 * Validated with zod and compiled once.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const RISK_TAXONOMY_FILE = "risk-taxonomy.yaml";
export const RISK_LANGUAGES_FILE = "risk-languages.yaml";

export const RISK_LEVELS = ["none", "possible", "clear"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const levelRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);
export const maxLevel = (a: RiskLevel, b: RiskLevel): RiskLevel => (levelRank(a) >= levelRank(b) ? a : b);

const Id = z.string().regex(/^[a-z_]+$/, "ids are lowercase letters and underscores");
const Pattern = z.string().min(1);

const CategorySchema = z
  .object({
    id: Id,
    cssrs: z.string().min(1),
    level: z.enum(["possible", "clear"]),
    decline: z.boolean().optional(),
    /** Which emergency text a clear message of this category gets: the crisis line first (default) or the emergency number first (a medical emergency). */
    reply: z.enum(["crisis", "medical"]).optional(),
    description: z.string().min(1),
    cues: z.array(Pattern).min(1),
    /** Policy floors: when every pattern of one group matches, the message gets at least `level`, whatever the model says. */
    floors: z.array(z.array(Pattern).min(1)).optional(),
    examples: z.array(z.string().min(1)).min(3),
  })
  .strict();

const LookalikeSchema = z
  .object({ id: Id, description: z.string().min(1), cues: z.array(Pattern).min(1), examples: z.array(z.string().min(1)).min(3) })
  .strict();

export const TaxonomyFileSchema = z
  .object({ version: z.literal(1), categories: z.array(CategorySchema).min(1), lookalikes: z.array(LookalikeSchema) })
  .strict();

const LanguageSchema = z
  .object({ name: z.string(), model: z.boolean(), markers: Pattern, possible: z.array(Pattern).min(1).optional(), clear: z.array(Pattern).min(1).optional() })
  .strict()
  .refine((l) => l.model || (l.possible && l.clear), "a language the model cannot read needs `possible` and `clear` lists");

export const LanguagesFileSchema = z.object({ languages: z.record(z.string().regex(/^[a-z]{2}$/), LanguageSchema) }).strict();

export interface RiskCategory {
  id: string;
  level: Exclude<RiskLevel, "none">;
  decline: boolean;
  reply: "crisis" | "medical";
  cues: RegExp[];
  floors: RegExp[][];
  examples: string[];
}

export interface Lookalike {
  id: string;
  cues: RegExp[];
  examples: string[];
}

export interface RiskLanguage {
  code: string;
  name: string;
  /** Whether the learned model reads it (English always; Spanish through words and cues). */
  model: boolean;
  markers: RegExp;
  possible: RegExp | null;
  clear: RegExp | null;
}

export interface RiskTaxonomy {
  categories: RiskCategory[];
  lookalikes: Lookalike[];
  languages: RiskLanguage[];
}

export class RiskTaxonomyError extends Error {
  override name = "RiskTaxonomyError";
}

function compile(source: string, where: string, flags = "iu"): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new RiskTaxonomyError(`${where}: invalid regular expression: ${(err as Error).message}`);
  }
}

/** A word list: each item a phrase pattern matched as a whole word (`\b(?:item)\b`); any item matches. */
function compileWordList(items: readonly string[], where: string): RegExp {
  const wrapped = items.map((item, i) => compile(String.raw`\b(?:${item})\b`, `${where}.${i}`).source);
  return compile(wrapped.join("|"), where);
}

function validate<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new RiskTaxonomyError(parsed.error.issues.map((i) => `${file}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
  return parsed.data;
}

/** Validates and compiles the parsed taxonomy and language files; `dir` only names them in errors. */
export function compileRiskTaxonomy(rawTaxonomy: unknown, rawLanguages: unknown, dir: string): RiskTaxonomy {
  const tFile = `${dir}/${RISK_TAXONOMY_FILE}`;
  const lFile = `${dir}/${RISK_LANGUAGES_FILE}`;
  const taxonomy = validate(TaxonomyFileSchema, rawTaxonomy, tFile);
  const languages = validate(LanguagesFileSchema, rawLanguages, lFile);
  const ids = [...taxonomy.categories, ...taxonomy.lookalikes].map((c) => c.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new RiskTaxonomyError(`${tFile}: category id '${dup}' appears twice`);
  return {
    categories: taxonomy.categories.map((c) => ({
      id: c.id,
      level: c.level,
      decline: c.decline ?? false,
      reply: c.reply ?? "crisis",
      cues: c.cues.map((p, i) => compile(p, `${tFile}: ${c.id}.cues.${i}`)),
      floors: (c.floors ?? []).map((group, i) => group.map((p, j) => compile(p, `${tFile}: ${c.id}.floors.${i}.${j}`))),
      examples: c.examples,
    })),
    lookalikes: taxonomy.lookalikes.map((c) => ({ id: c.id, cues: c.cues.map((p, i) => compile(p, `${tFile}: ${c.id}.cues.${i}`)), examples: c.examples })),
    languages: Object.entries(languages.languages).map(([code, l]) => ({
      code,
      name: l.name,
      model: l.model,
      markers: compile(l.markers, `${lFile}: ${code}.markers`, "giu"),
      possible: l.possible ? compileWordList(l.possible, `${lFile}: ${code}.possible`) : null,
      clear: l.clear ? compileWordList(l.clear, `${lFile}: ${code}.clear`) : null,
    })),
  };
}

export function readRiskTaxonomyFiles(dir: string): { taxonomy: unknown; languages: unknown } {
  const read = (name: string) => {
    const file = path.join(dir, name);
    try {
      return parseYaml(readFileSync(file, "utf8")) as unknown;
    } catch (err) {
      throw new RiskTaxonomyError(`Cannot read ${file}: ${(err as Error).message}`);
    }
  };
  return { taxonomy: read(RISK_TAXONOMY_FILE), languages: read(RISK_LANGUAGES_FILE) };
}

export function loadRiskTaxonomy(dir: string): RiskTaxonomy {
  const raw = readRiskTaxonomyFiles(dir);
  return compileRiskTaxonomy(raw.taxonomy, raw.languages, dir);
}

/**
 * The language of a normalized text. A language is a candidate when it has at
 * least two marker words in the text (one for a text of four words or fewer)
 * and more than English has function words; among candidates the one whose
 * markers are most its own wins: a word that is a marker of several languages
 * ("de", "para") counts 1/n for each. Else English.
 */
export function detectLanguage(form: string, languages: readonly RiskLanguage[]): string {
  const words = form.split(/[^\p{L}]+/u).filter(Boolean).length;
  const need = words <= 4 ? 1 : 2;
  // English function words compete too, so an English sentence with "no" or "me" stays English.
  const english = new Set(form.match(/\b(?:the|and|is|are|was|i|im|you|my|to|of|it|this|that|have|do|does|what|how|can|for|with|not|be|an|in|on|just|so|after|about)\b/g) ?? []).size;
  const found = languages.map((lang) => new Set(form.match(lang.markers) ?? []));
  const owners = (word: string) => found.filter((f) => f.has(word)).length;
  let best = "en";
  let bestWeight = 0;
  languages.forEach((lang, i) => {
    const markers = found[i]!;
    if (markers.size < need || markers.size <= english) return;
    const weight = [...markers].reduce((sum, w) => sum + 1 / owners(w), 0);
    if (weight > bestWeight + 1e-9) {
      best = lang.code;
      bestWeight = weight;
    }
  });
  return best;
}
