/**
 * Shared by `npm run train:risk`, `scripts/risk-report.ts` and the tests:
 * turn examples into features (+ vectors from an injected encoder), train a
 * model file, score labelled messages with a conversation, and sweep
 * thresholds over out-of-fold scores. No I/O of its own.
 */
import type { SafetyRules } from "./rules.js";
import { analyzeText, ALL_GROUPS, NO_GROUPS, type FeatureGroups, type TextAnalysis } from "./risk-features.js";
import { combineRisk, prepareVector, riskCandidates, scoreAnalysis, variantScores, type RiskModel, type RiskModelFile, type RiskThresholds, type Turn } from "./risk-model.js";
import { levelRank, type RiskLevel, type RiskTaxonomy } from "./risk-taxonomy.js";
import { expectedLevel, type LabelledMessage } from "./risk-data.js";
import { riskFigures, type RiskFigures } from "./risk-eval.js";
import { trainedOnCounts, trainingHash, trainVariant, type PreparedExample, type RiskTrainOptions, type TrainingExample } from "./risk-training.js";

/** Returns one embedding per text (USE-lite in practice). */
export type Embed = (texts: string[]) => Promise<number[][]>;

const EMBED_CHUNK = 32;

/** Embeds each distinct text once, however often it is asked for, in chunks. */
export function cachedEmbed(embed: Embed): Embed & { cache: Map<string, number[]> } {
  const cache = new Map<string, number[]>();
  const fn = async (texts: string[]) => {
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    for (let at = 0; at < missing.length; at += EMBED_CHUNK) {
      const chunk = missing.slice(at, at + EMBED_CHUNK);
      const vectors = await embed(chunk);
      chunk.forEach((t, i) => cache.set(t, vectors[i]!));
      // The encoder's promises settle as microtasks: yield to the event loop between chunks,
      // or a long run starves timers and I/O (a test runner's heartbeat, a server's requests).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return texts.map((t) => cache.get(t)!);
  };
  return Object.assign(fn, { cache });
}

/** Analyses (cached per text: routing and cue matching are the slow part). */
export function cachedAnalyze(taxonomy: RiskTaxonomy, rules: SafetyRules): (text: string) => TextAnalysis {
  const cache = new Map<string, TextAnalysis>();
  return (text) => {
    let a = cache.get(text);
    if (!a) cache.set(text, (a = analyzeText(text, taxonomy, rules)));
    return a;
  };
}

export async function prepareExamples(examples: readonly TrainingExample[], analyze: (t: string) => TextAnalysis, embed: Embed | null, scale: number): Promise<PreparedExample[]> {
  const vectors = embed ? await embed(examples.map((e) => e.text)) : null;
  return examples.map((example, i) => ({
    example,
    features: analyze(example.text).features,
    vector: vectors ? vectors[i]!.map((x) => x * scale) : null,
  }));
}

/** The committed variants: everything with the vector (Node), everything without (Workers). */
export const COMMITTED_VARIANTS: Record<"vector" | "lexical", { groups: FeatureGroups; vector: boolean }> = {
  vector: { groups: ALL_GROUPS, vector: true },
  lexical: { groups: ALL_GROUPS, vector: false },
};

/** Variants compared in the report (the committed two, and the vector alone). */
export const REPORT_VARIANTS: Record<string, { groups: FeatureGroups; vector: boolean }> = {
  "encoder-only": { groups: NO_GROUPS, vector: true },
  "lexical (no vector)": COMMITTED_VARIANTS.lexical,
  "combined (vector + lexical + today's)": COMMITTED_VARIANTS.vector,
};

export function trainModelFile(
  prepared: readonly PreparedExample[],
  examples: readonly TrainingExample[],
  taxonomy: RiskTaxonomy,
  options: RiskTrainOptions,
  encoder: { id: string; dimensions: number },
  variants = COMMITTED_VARIANTS,
): RiskModelFile {
  const categories = taxonomy.categories.map((c) => c.id);
  return {
    kind: "risk-model/logistic-heads",
    version: 1,
    encoder: encoder.id,
    dimensions: encoder.dimensions,
    vectorScale: options.vectorScale,
    dataHash: trainingHash(examples, options, { variants, categories }),
    trainedOn: trainedOnCounts(examples),
    variants: {
      vector: trainVariant(prepared, variants.vector.groups, variants.vector.vector, categories, options),
      lexical: trainVariant(prepared, variants.lexical.groups, variants.lexical.vector, categories, options),
    },
  };
}

export interface Conversation {
  message: string;
  history?: readonly Turn[];
}

/** The level of each conversation, scored as the product does (max over the candidates). */
export async function conversationLevels(items: readonly Conversation[], model: RiskModel, analyze: (t: string) => TextAnalysis, embed: Embed | null): Promise<RiskLevel[]> {
  const candidates = items.map((m) => riskCandidates(m.message, m.history ?? []));
  const vectors = embed ? await embed(candidates.flat()) : null;
  let at = 0;
  return candidates.map((texts) => combineRisk(texts.map((t) => scoreAnalysis(analyze(t), vectors ? vectors[at++]! : null, model))).level);
}

export const figuresOf = (items: readonly LabelledMessage[], levels: readonly RiskLevel[]): RiskFigures =>
  riskFigures(items.map((m, i) => ({ expected: expectedLevel(m), got: levels[i]! })));

/** Per message: the highest head outputs over its candidates, and what the language lists alone give (threshold-free). */
export interface RawScores {
  risk: number;
  clear: number;
  listed: RiskLevel;
}

export function rawScores(texts: readonly string[], vectors: ReadonlyArray<number[] | null>, model: RiskModel, which: "vector" | "lexical", analyze: (t: string) => TextAnalysis): RawScores {
  let risk = 0;
  let clear = 0;
  let listed: RiskLevel = "none";
  texts.forEach((t, i) => {
    const a = analyze(t);
    const v = which === "vector" ? prepareVector(vectors[i] ?? null, model.file.dimensions, model.file.vectorScale) : null;
    const s = variantScores(model.file.variants[which], a, v);
    // In a language the model cannot read only the lists count (as in scoreAnalysis).
    const trusted = model.taxonomy.languages.find((l) => l.code === a.language)?.model ?? true;
    if (trusted) {
      risk = Math.max(risk, s.risk);
      clear = Math.max(clear, s.clear);
    }
    // The language layer, isolated: score with thresholds no model output can reach.
    const alone = scoreAnalysis(a, v, { ...model, thresholds: { vector: { possible: 0.999999, clear: 0.999999 }, lexical: { possible: 0.999999, clear: 0.999999 } } });
    if (levelRank(alone.level) > levelRank(listed)) listed = alone.level;
  });
  return { risk, clear, listed };
}

export function levelAt(raw: RawScores, t: { possible: number; clear: number }): RiskLevel {
  const model: RiskLevel = raw.clear >= t.clear ? "clear" : raw.risk >= t.possible ? "possible" : "none";
  return levelRank(raw.listed) > levelRank(model) ? raw.listed : model;
}

export type { RiskThresholds };
