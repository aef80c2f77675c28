/**
 * The crisis risk model: decides `none | possible | clear` for a message.
 *
 * Two logistic heads — "any risk" and "clear risk" — over the features of
 * risk-features.ts, plus the sentence-encoder vector when one is available
 * (Node embeds the message; the Workers build cannot run the encoder and uses
 * the `lexical` heads, trained the same way without the vector). A third,
 * multi-class head names the taxonomy category. Languages the model cannot
 * read get the per-language word lists of risk-languages.yaml. Thresholds live
 * in risk-thresholds.yaml only. Scoring is pure; training is deterministic.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { SafetyRules } from "./rules.js";
import { analyzeText, categoryGroups, selectFeatures, ALL_GROUPS, type FeatureGroups, type SparseFeatures, type TextAnalysis } from "./risk-features.js";
import { levelRank, loadRiskTaxonomy, type RiskLevel, type RiskTaxonomy } from "./risk-taxonomy.js";

export const RISK_MODEL_FILE = "risk-model.json";
export const RISK_THRESHOLDS_FILE = "risk-thresholds.yaml";

const HeadSchema = z
  .object({
    bias: z.number(),
    sparse: z.record(z.string(), z.number()),
    /** Weights of the (scaled) encoder vector; absent for heads without it. */
    dense: z.array(z.number()).optional(),
  })
  .strict();
export type Head = z.infer<typeof HeadSchema>;

const CategoryHeadSchema = z
  .object({
    classes: z.array(z.string()).min(2),
    bias: z.array(z.number()),
    sparse: z.record(z.string(), z.array(z.number())),
    dense: z.array(z.array(z.number())).optional(),
  })
  .strict();
export type CategoryHead = z.infer<typeof CategoryHeadSchema>;

const GroupsSchema = z.object({ words: z.boolean(), cues: z.boolean(), framing: z.boolean(), today: z.boolean(), speaker: z.boolean().default(false) }).strict();

const VariantSchema = z
  .object({
    groups: GroupsSchema,
    vector: z.boolean(),
    /**
     * `given_risk`: the clear head was trained on risk examples only (how severe, given a risk) and
     * a message is clear only when the risk head also passes its threshold; `joint`: trained on
     * everything and decides alone (a clear head that has to tell crises from ordinary messages again,
     * from fewer examples, let single words such as "next week" make a question clear). Files
     * written before these fields read as `joint` without speaker features, as they were trained.
     */
    clear_mode: z.enum(["joint", "given_risk"]).default("joint"),
    risk: HeadSchema,
    clear: HeadSchema,
    category: CategoryHeadSchema,
  })
  .strict();
export type RiskVariant = z.infer<typeof VariantSchema>;

export const RiskModelFileSchema = z
  .object({
    kind: z.literal("risk-model/logistic-heads"),
    version: z.literal(1),
    /** The encoder the vector heads were trained with; a vector from another encoder is not used. */
    encoder: z.string(),
    dimensions: z.number().int().positive(),
    /** Vectors are multiplied by this before the dense weights (unit vectors have tiny components). */
    vectorScale: z.number().positive(),
    /** sha256 of the training examples and options: the sync test compares it with the fixtures. */
    dataHash: z.string().regex(/^[0-9a-f]{64}$/),
    trainedOn: z.record(z.string(), z.number().int()),
    variants: z.object({ vector: VariantSchema, lexical: VariantSchema }).strict(),
  })
  .strict();
export type RiskModelFile = z.infer<typeof RiskModelFileSchema>;

const HeadThresholdsSchema = z
  .object({
    possible: z.number().gt(0).lt(1),
    clear: z.number().gt(0).lt(1),
    /**
     * The clear head's threshold when the model reads the message as a category the taxonomy puts at
     * `clear` (method, intent, plan, overdose, a medical emergency…): the taxonomy says what such a
     * reading needs, the model how sure it is. Absent: `clear` for every category.
     */
    clear_category: z.number().gt(0).lt(1).optional(),
  })
  .strict()
  .refine((t) => t.clear_category === undefined || t.clear_category <= t.clear, "clear_category is at most clear");
export type HeadThresholds = z.infer<typeof HeadThresholdsSchema>;

export const RiskThresholdsSchema = z
  .object({
    /** With the encoder vector (Node). */
    vector: HeadThresholdsSchema,
    /** Without it (Workers fallback). */
    lexical: HeadThresholdsSchema,
    /**
     * What today's emergency detectors add to the model (src/route/risk.ts). Both: where the model
     * sees no risk, a detector still earns the notice (see `detector_floor`). `raise_possible`: where the
     * model says `possible`, a detector also makes it `clear`; `notice_only`: the model's clear head
     * alone decides `clear` (it reads the detectors as features only when its `groups.today` says so).
     */
    detectors: z.enum(["raise_possible", "notice_only"]).default("raise_possible"),
    /**
     * A detector's notice, where the model sees no risk, needs the model's any-risk score to reach
     * this on the message or one of its sentences: below it the model has read the words as
     * ordinary ("could ketamine cause suicidal thoughts?", "goodbye forever, back brace!"). 0: a
     * detector is never silenced. Never applies to a language the model cannot read.
     */
    detector_floor: z.number().min(0).lt(1).default(0),
  })
  .strict();
export type RiskThresholds = z.infer<typeof RiskThresholdsSchema>;

/** Everything `scoreRisk` needs, loaded once at startup. */
export interface RiskModel {
  file: RiskModelFile;
  thresholds: RiskThresholds;
  taxonomy: RiskTaxonomy;
  rules: SafetyRules;
}

export interface RiskScore {
  level: RiskLevel;
  /** The taxonomy category (e.g. "plan", "lethality_question"), or null at level none. */
  category: string | null;
  /** The category says: never answer from the articles (no figures, no doses). */
  decline: boolean;
  /** What decided it, safe to log (never the message): "model", "language:pt", … */
  source: string | null;
  /** The heads' raw scores; `modelReads` is false for a language only its word list reads (the heads mean nothing there). */
  scores: { risk: number; clear: number; variant: "vector" | "lexical"; language: string; modelReads: boolean };
}

export class RiskModelError extends Error {
  override name = "RiskModelError";
}

export function loadRiskModel(dir: string, rules: SafetyRules): RiskModel {
  const read = (name: string) => {
    const file = path.join(dir, name);
    try {
      const text = readFileSync(file, "utf8");
      return name.endsWith(".json") ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown);
    } catch (err) {
      throw new RiskModelError(`Cannot read ${file}: ${(err as Error).message}`);
    }
  };
  return compileRiskModel(read(RISK_MODEL_FILE), read(RISK_THRESHOLDS_FILE), loadRiskTaxonomy(dir), rules, dir);
}

export function compileRiskModel(rawModel: unknown, rawThresholds: unknown, taxonomy: RiskTaxonomy, rules: SafetyRules, dir: string): RiskModel {
  const model = RiskModelFileSchema.safeParse(rawModel);
  if (!model.success) {
    throw new RiskModelError(`${dir}/${RISK_MODEL_FILE} is not a risk model this version can read (${model.error.issues[0]?.message ?? "invalid"}). Fix: run \`npm run train:risk\`.`);
  }
  const thresholds = RiskThresholdsSchema.safeParse(rawThresholds);
  if (!thresholds.success) {
    throw new RiskModelError(thresholds.error.issues.map((i) => `${dir}/${RISK_THRESHOLDS_FILE}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
  }
  return { file: model.data, thresholds: thresholds.data, taxonomy, rules };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's level from its two head outputs (before language lists and floors). */
export function levelOfScores(s: { risk: number; clear: number }, t: { possible: number; clear: number }, mode: RiskVariant["clear_mode"]): RiskLevel {
  const risky = s.risk >= t.possible;
  if (s.clear >= t.clear && (mode === "joint" || risky)) return "clear";
  return risky ? "possible" : "none";
}

function linear(bias: number, sparseWeights: Record<string, number>, dense: readonly number[] | undefined, features: SparseFeatures, vector: readonly number[] | null): number {
  let z = bias;
  for (const [name, value] of features) z += (sparseWeights[name] ?? 0) * value;
  if (dense && vector) for (let i = 0; i < dense.length; i++) z += dense[i]! * vector[i]!;
  return z;
}

export const headScore = (head: Head, features: SparseFeatures, vector: readonly number[] | null) => sigmoid(linear(head.bias, head.sparse, head.dense, features, vector));

export function categoryScores(head: CategoryHead, features: SparseFeatures, vector: readonly number[] | null): number[] {
  const logits = head.classes.map((_, k) => {
    let z = head.bias[k]!;
    for (const [name, value] of features) z += (head.sparse[name]?.[k] ?? 0) * value;
    const dense = head.dense?.[k];
    if (dense && vector) for (let i = 0; i < dense.length; i++) z += dense[i]! * vector[i]!;
    return z;
  });
  const max = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The encoder vector scaled as in training, or null when absent or of another size. */
export function prepareVector(vector: Float32Array | readonly number[] | null, dimensions: number, scale: number): number[] | null {
  if (!vector || vector.length !== dimensions) return null;
  return Array.from(vector, (x) => x * scale);
}

/** The raw head outputs of one variant for an analysed text. */
export function variantScores(variant: RiskVariant, analysis: TextAnalysis, vector: readonly number[] | null) {
  const features = selectFeatures(analysis.features, variant.groups as FeatureGroups);
  const v = variant.vector ? vector : null;
  const probs = categoryScores(variant.category, selectFeatures(analysis.features, categoryGroups(variant.groups)), v);
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
  return { risk: headScore(variant.risk, features, v), clear: headScore(variant.clear, features, v), category: variant.category.classes[best]! };
}

/**
 * Scores one text. `vector` is the sentence-encoder embedding of the same text
 * (512-d USE-lite), or null when no encoder is available (the Workers build):
 * then the lexical heads decide, with their own thresholds.
 */
export function scoreRisk(text: string, vector: Float32Array | readonly number[] | null, model: RiskModel): RiskScore {
  return scoreAnalysis(analyzeText(text, model.taxonomy, model.rules), vector, model);
}

export function scoreAnalysis(analysis: TextAnalysis, vector: Float32Array | readonly number[] | null, model: RiskModel): RiskScore {
  const scaled = prepareVector(vector, model.file.dimensions, model.file.vectorScale);
  const which = scaled ? "vector" : "lexical";
  const variant = model.file.variants[which];
  const t = model.thresholds[which];
  const s = variantScores(variant, analysis, scaled);
  const clearReading = t.clear_category !== undefined && model.taxonomy.categories.some((c) => c.id === s.category && c.level === "clear");
  let level = levelOfScores(s, clearReading ? { possible: t.possible, clear: t.clear_category! } : t, variant.clear_mode);
  let source: string | null = level === "none" ? null : "model";
  let floorCategory: string | null = null;

  // Languages the model cannot read: the encoder maps them all to one region and the words are
  // unknown, so the model's output means nothing there; their word lists decide alone.
  const language = model.taxonomy.languages.find((l) => l.code === analysis.language);
  const listDecides = language !== undefined && !language.model;
  if (listDecides) {
    level = language.clear?.test(analysis.form) ? "clear" : language.possible?.test(analysis.form) ? "possible" : "none";
    source = level === "none" ? null : `language:${language.code}`;
  }
  // Policy floors (e.g. a question about a lethal amount): never below the category's level, and
  // the category named (so its `decline` holds) wherever the floor reaches the level found.
  for (const c of model.taxonomy.categories) {
    if (c.floors.some((group) => group.every((p) => p.test(analysis.form))) && levelRank(c.level) >= levelRank(level)) {
      level = c.level;
      source = `floor:${c.id}`;
      floorCategory = c.id;
    }
  }
  // A word list names no category (the model's category head cannot read the language either).
  const category = level === "none" ? null : (floorCategory ?? (listDecides ? null : s.category));
  const decline = category !== null && model.taxonomy.categories.some((c) => c.id === category && c.decline);
  return { level, category, decline, source, scores: { risk: round(s.risk), clear: round(s.clear), variant: which, language: analysis.language, modelReads: !listDecides } };
}

export interface Turn {
  role: "user" | "assistant";
  content: string;
}

/** The sentences of a message (at most 12), when it has more than one: a crisis told in passing inside a question is read on its own. */
export function sentencesOf(message: string): string[] {
  const parts = message
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  return parts.length > 1 ? parts.slice(0, 12) : [];
}

/**
 * The texts to score for a message in a conversation: the message alone, the
 * patient's previous turn joined to it (so "yes, tonight" after "I have been
 * thinking about ending my life" is read together), and each sentence of a
 * longer message (so "I won't be here next month" inside an FAQ question is
 * read on its own). Assistant turns are never scored (they are ours, and
 * quote crisis words back). The level is the highest over them.
 */
export function riskCandidates(message: string, history: readonly Turn[] = []): string[] {
  const previous = [...history].reverse().find((t) => t.role === "user");
  const texts = [message, ...(previous ? [`${previous.content}\n${message}`] : []), ...sentencesOf(message)];
  return [...new Set(texts)];
}

/** The highest level over the candidates (ties: the first); its category and scores come with it. */
export function combineRisk(scores: readonly RiskScore[]): RiskScore {
  if (scores.length === 0) throw new RiskModelError("combineRisk needs at least one score");
  return scores.reduce((best, s) => (levelRank(s.level) > levelRank(best.level) ? s : best));
}

/**
 * Scores a message with the patient's earlier turns. `embed` returns one
 * vector per text (the Node server's encoder); without it the lexical heads decide.
 */
export async function scoreConversation(
  message: string,
  history: readonly Turn[],
  model: RiskModel,
  embed?: (texts: string[]) => Promise<ReadonlyArray<Float32Array | readonly number[]>>,
): Promise<RiskScore> {
  const texts = riskCandidates(message, history);
  const vectors = embed ? await embed(texts) : texts.map(() => null);
  return combineRisk(texts.map((t, i) => scoreRisk(t, vectors[i] ?? null, model)));
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export { ALL_GROUPS };
