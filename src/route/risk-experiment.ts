/**
 * Shared by `npm run train:risk`, `scripts/risk-report.ts` and the tests:
 * turn examples into features (+ vectors from an injected encoder), train a
 * model file, score labelled messages as the product does, and compare
 * candidates by cross-validation within the tuning data (threshold sweeps
 * over out-of-fold product decisions). No I/O of its own.
 */
import type { SafetyRules } from "./rules.js";
import { sanitizeInput } from "./normalize.js";
import { analyzeText, ALL_GROUPS, NO_GROUPS, type FeatureGroups, type TextAnalysis } from "./risk-features.js";
import { combineRisk, riskCandidates, scoreAnalysis, type RiskModel, type HeadThresholds, type RiskModelFile, type RiskThresholds, type RiskVariant, type Turn } from "./risk-model.js";
import type { RiskLevel, RiskTaxonomy } from "./risk-taxonomy.js";
import { readTrainingSets } from "./training-data.js";
import { detectorTrainingSets, expectedLevel, fixturesDirOf, isEverydaySource, poolExamples, type LabelledMessage, type PoolItem } from "./risk-data.js";
import { trainCrisisModel } from "./classifier.js";
import { riskFigures, TARGETS, type RiskFigures } from "./risk-eval.js";
import { assessRisk, productReader, type RiskAssessment, type RiskReader } from "./risk.js";
import { DEFAULT_RISK_TRAINING, trainedOnCounts, trainingHash, trainVariant, type PreparedExample, type RiskTrainOptions, type TrainingExample, type VariantSpec } from "./risk-training.js";

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

/** A way to train the model: feature groups and clear head (per variant), and the training options. */
export interface Candidate {
  name: string;
  lexical: VariantSpec;
  options: RiskTrainOptions;
  /** The word classifier (crisis-model.json, a detector) trained on the fixtures and the tuning pool, not the fixtures alone. */
  detectorFromPool: boolean;
}

const MAIN_GROUPS: FeatureGroups = { ...ALL_GROUPS, speaker: false };

/**
 * The lexical candidates compared by cross-validation within the tuning data
 * (`npm run train:risk -- --cv`), and reported on the held-out halves by
 * `npm run risk:report`. The first is the model as it was (with the new data).
 */
const lexical = (groups: FeatureGroups, clearMode: VariantSpec["clearMode"]): VariantSpec => ({ groups, vector: false, clearMode });
const BASE: Candidate[] = [
  { name: "A as before (joint clear head)", lexical: lexical(MAIN_GROUPS, "joint"), options: DEFAULT_RISK_TRAINING, detectorFromPool: false },
  { name: "B A + words decay 10x", lexical: lexical(MAIN_GROUPS, "joint"), options: { ...DEFAULT_RISK_TRAINING, wordL2: 10 }, detectorFromPool: false },
  { name: "C A + word cap 1.0", lexical: lexical(MAIN_GROUPS, "joint"), options: { ...DEFAULT_RISK_TRAINING, wordCap: 1 }, detectorFromPool: false },
  { name: "D clear given risk", lexical: lexical(MAIN_GROUPS, "given_risk"), options: DEFAULT_RISK_TRAINING, detectorFromPool: false },
  { name: "E D + speaker cues", lexical: lexical(ALL_GROUPS, "given_risk"), options: DEFAULT_RISK_TRAINING, detectorFromPool: false },
  { name: "F E + words decay 10x + cap 1.0", lexical: lexical(ALL_GROUPS, "given_risk"), options: { ...DEFAULT_RISK_TRAINING, wordL2: 10, wordCap: 1 }, detectorFromPool: false },
  { name: "G E without detectors as features", lexical: lexical({ ...ALL_GROUPS, today: false }, "given_risk"), options: DEFAULT_RISK_TRAINING, detectorFromPool: false },
  { name: "H D + words decay 10x", lexical: lexical(MAIN_GROUPS, "given_risk"), options: { ...DEFAULT_RISK_TRAINING, wordL2: 10 }, detectorFromPool: false },
  { name: "I D + words decay 3x", lexical: lexical(MAIN_GROUPS, "given_risk"), options: { ...DEFAULT_RISK_TRAINING, wordL2: 3 }, detectorFromPool: false },
  { name: "J E + words decay 10x", lexical: lexical(ALL_GROUPS, "given_risk"), options: { ...DEFAULT_RISK_TRAINING, wordL2: 10 }, detectorFromPool: false },
  { name: "K D without detectors as features", lexical: lexical({ ...MAIN_GROUPS, today: false }, "given_risk"), options: DEFAULT_RISK_TRAINING, detectorFromPool: false },
];
export const CANDIDATES: Candidate[] = [
  ...BASE,
  // The same, with the word classifier (a detector, never silenced) retrained on the pool too.
  ...BASE.filter((c) => "ADEFGK".includes(c.name[0]!)).map((c) => ({ ...c, name: `${c.name[0]}2 ${c.name.slice(2)} + word classifier on the pool`, detectorFromPool: true })),
];

/** The committed model: the candidate chosen on the tuning data, and its twin with the encoder vector (Node reference, not used by the product). */
export const COMMITTED: { options: RiskTrainOptions; variants: Record<"vector" | "lexical", VariantSpec> } = {
  options: DEFAULT_RISK_TRAINING,
  // Candidate K2 (the word classifier is retrained on the pool by `npm run train:safety`).
  variants: {
    vector: { groups: { ...MAIN_GROUPS, today: false }, vector: true, clearMode: "given_risk" },
    lexical: { groups: { ...MAIN_GROUPS, today: false }, vector: false, clearMode: "given_risk" },
  },
};

/** The vector alone (reported, never shipped). */
export const ENCODER_ONLY: VariantSpec = { groups: NO_GROUPS, vector: true, clearMode: "joint" };

export function trainModelFile(
  prepared: readonly PreparedExample[],
  examples: readonly TrainingExample[],
  taxonomy: RiskTaxonomy,
  options: RiskTrainOptions,
  encoder: { id: string; dimensions: number },
  variants: Record<"vector" | "lexical", VariantSpec> = COMMITTED.variants,
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
      vector: trainVariant(prepared, variants.vector, categories, options),
      lexical: trainVariant(prepared, variants.lexical, categories, options),
    },
  };
}

/** A model without trained heads yet (its variants are set by `lexicalModel`): for cross-validation before any model file exists. */
export function untrainedModel(taxonomy: RiskTaxonomy, rules: SafetyRules): RiskModel {
  const empty: RiskVariant = { groups: NO_GROUPS, vector: false, clear_mode: "joint", risk: { bias: 0, sparse: {} }, clear: { bias: 0, sparse: {} }, category: { classes: ["a", "b"], bias: [0, 0], sparse: {} } };
  const file: RiskModelFile = { kind: "risk-model/logistic-heads", version: 1, encoder: "none", dimensions: 1, vectorScale: 1, dataHash: "0".repeat(64), trainedOn: {}, variants: { vector: empty, lexical: empty } };
  return { file, thresholds: { vector: { possible: 0.5, clear: 0.5 }, lexical: { possible: 0.5, clear: 0.5 }, detectors: "raise_possible", detector_floor: 0 }, taxonomy, rules };
}

/** A model whose both variants are one lexical variant (cross-validation and candidates: the product reads `lexical`). */
export function lexicalModel(variant: RiskVariant, base: RiskModel, thresholds: HeadThresholds, detectors: Detectors = "raise_possible", detectorFloor = 0): RiskModel {
  return {
    ...base,
    file: { ...base.file, variants: { vector: variant, lexical: variant } },
    thresholds: { vector: thresholds, lexical: thresholds, detectors, detector_floor: detectorFloor },
  };
}

export type Detectors = RiskThresholds["detectors"];

/** Reads as the product does (src/route/risk.ts) with another model; analyses and detectors cached. */
export function experimentReader(model: RiskModel, analyze: (t: string) => TextAnalysis, detector: (message: string) => string | null): RiskReader {
  return { score: (t) => scoreAnalysis(analyze(t), null, model), detector, raise: model.thresholds.detectors === "raise_possible", detectorFloor: model.thresholds.detector_floor };
}

/** Today's detectors on a message, cached (they do not depend on the model). */
export function cachedDetector(rules: SafetyRules): (message: string) => string | null {
  const reader = productReader(rules);
  const cache = new Map<string, string | null>();
  return (message) => {
    if (!cache.has(message)) cache.set(message, reader.detector(message));
    return cache.get(message)!;
  };
}

/** The product's level of each labelled message (assessRisk with the conversation) under a model. */
export function productAssessments(items: readonly LabelledMessage[], model: RiskModel, analyze: (t: string) => TextAnalysis, detector: (m: string) => string | null): RiskAssessment[] {
  const reader = experimentReader(model, analyze, detector);
  return items.map((m) => assessRisk(sanitizeInput(m.message), m.history ?? [], model.rules, reader));
}

export const productLevels = (...args: Parameters<typeof productAssessments>): RiskLevel[] => productAssessments(...args).map((a) => a.level);

export const POSSIBLE_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
export const CLEAR_GRID = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** The clear threshold for a reading of a clear-level category: the same as `clear` (no separate one), or lower. */
export const CLEAR_CATEGORY_GRID = [null, 0.8, 0.7, 0.6, 0.5] as const;

/**
 * Only `notice_only` is swept: with `raise_possible`, any of today's crude detectors turns a message the
 * model reads at a `possible` category into an emergency, so a wish not to wake up (the taxonomy's
 * `possible`, in a language a word list reads) got the emergency reply whenever the word classifier fired.
 * The taxonomy decides what a level means; the detectors only make sure a crisis sees the line.
 */
export const DETECTOR_MODES: Detectors[] = ["notice_only"];
/** The model's any-risk score a detector's notice needs (0: a detector is never silenced). */
export const DETECTOR_FLOOR_GRID = [0, 0.01, 0.02, 0.05, 0.1, 0.2];

export interface SweepPoint {
  possible: number;
  clear: number;
  /** The clear threshold for readings of a clear-level category, when lower than `clear`. */
  clearCategory: number | null;
  detectors: Detectors;
  detectorFloor: number;
  pooled: RiskFigures;
  bySource: Record<string, RiskFigures>;
  /** Out-of-fold decision of each pool message. */
  got: RiskAssessment[];
}

/**
 * K-fold cross-validation of a candidate within the tuning pool: each fold
 * (every K-th message of each source) is scored, as the product scores it, by
 * a model trained on the other folds plus the shared examples, at every
 * threshold pair of the grid. Deterministic.
 */
/** What a fold reads with: the safety rules (with the fold's word classifier), its analyses and detectors. */
export interface FoldReading {
  rules: SafetyRules;
  analyze: (t: string) => TextAnalysis;
  detector: (m: string) => string | null;
}

/**
 * The fold's reading: with the word classifier trained on the fixtures alone
 * (as before this pool existed), or with one retrained on the fixtures and the
 * fold's training messages, as `npm run train:safety` trains it on the whole
 * pool (`detectorFromPool`). Never the committed one, which saw every fold.
 */
export function foldReading(rules: SafetyRules, taxonomy: RiskTaxonomy, root: string, detectorFromPool: boolean): (train: readonly PoolItem[]) => FoldReading {
  let fixturesOnly: FoldReading | null = null;
  return (train) => {
    if (!detectorFromPool) {
      if (!fixturesOnly) {
        const sets = readTrainingSets(fixturesDirOf(root));
        const r: SafetyRules = { ...rules, crisisModel: trainCrisisModel(sets.crisis, sets.other) };
        fixturesOnly = { rules: r, analyze: cachedAnalyze(taxonomy, r), detector: cachedDetector(r) };
      }
      return fixturesOnly;
    }
    const sets = detectorTrainingSets(root, train);
    const foldRules: SafetyRules = { ...rules, crisisModel: trainCrisisModel(sets.crisis, sets.other) };
    return { rules: foldRules, analyze: cachedAnalyze(taxonomy, foldRules), detector: cachedDetector(foldRules) };
  };
}

export function crossValidate(
  pool: readonly PoolItem[],
  shared: readonly TrainingExample[],
  candidate: Candidate,
  base: RiskModel,
  reading: (train: readonly PoolItem[]) => FoldReading,
  K = 5,
): SweepPoint[] {
  const seen = new Map<string, number>();
  const fold = pool.map((p) => {
    const i = seen.get(p.source) ?? 0;
    seen.set(p.source, i + 1);
    return i % K;
  });
  const categories = base.taxonomy.categories.map((c) => c.id);
  const levels = new Map<string, RiskAssessment[]>();
  for (let k = 0; k < K; k++) {
    const trainPool = pool.filter((_, i) => fold[i] !== k);
    const { rules, analyze, detector } = reading(trainPool);
    const train = [...poolExamples(trainPool), ...shared];
    const prepared = train.map((example) => ({ example, features: analyze(example.text).features, vector: null }));
    const variant = trainVariant(prepared, candidate.lexical, categories, candidate.options);
    const test = pool.map((p, i) => ({ p, i })).filter(({ i }) => fold[i] === k);
    for (const detectors of DETECTOR_MODES)
      for (const possible of POSSIBLE_GRID)
        for (const clear of CLEAR_GRID)
          for (const clearCategory of CLEAR_CATEGORY_GRID) {
            if (clearCategory !== null && clearCategory >= clear) continue;
            for (const floor of DETECTOR_FLOOR_GRID) {
              const key = `${detectors}/${possible}/${clear}/${clearCategory ?? ""}/${floor}`;
              const out = levels.get(key) ?? new Array<RiskAssessment>(pool.length);
              const thresholds = { possible, clear, ...(clearCategory === null ? {} : { clear_category: clearCategory }) };
              const got = productAssessments(test.map(({ p }) => p.message), lexicalModel(variant, { ...base, rules }, thresholds, detectors, floor), analyze, detector);
              test.forEach(({ i }, j) => (out[i] = got[j]!));
              levels.set(key, out);
            }
          }
  }
  const sources = [...new Set(pool.map((p) => p.source))];
  return [...levels.entries()].map(([key, got]) => {
    const [detectors, possible, clear, clearCategory, floor] = key.split("/") as [Detectors, string, string, string, string];
    const of = (keep: (p: PoolItem) => boolean) => riskFigures(pool.flatMap((p, i) => (keep(p) ? [{ expected: expectedLevel(p.message), got: got[i]!.level }] : [])));
    return { possible: Number(possible), clear: Number(clear), clearCategory: clearCategory === "" ? null : Number(clearCategory), detectors, detectorFloor: Number(floor), pooled: of(() => true), bySource: Object.fromEntries(sources.map((s) => [s, of((p) => p.source === s)])), got };
  });
}

/**
 * The share of ordinary pool messages given the notice by the model or the
 * conversation, not by a detector alone (the detector floor moves those).
 */
export function modelNotices(pool: readonly PoolItem[], point: SweepPoint): number {
  const ordinary = pool.map((p, i) => ({ p, got: point.got[i]! })).filter(({ p }) => p.message.label === "ordinary");
  return ordinary.filter(({ got }) => got.level === "possible" && !got.rule?.startsWith("risk.detector_only.")).length / Math.max(1, ordinary.length);
}

/**
 * What falling short of each target costs, per unit of rate: a crisis that
 * sees no crisis line (10) is the worst; an ordinary patient given the
 * emergency script instead of an answer (5) is the failure of issue #12; a
 * clear crisis given the notice (2) still sees the line; a needless notice
 * above an answer (1) is the cheapest. Every notice counts, the detectors'
 * too: the detector floor can silence them. A possible crisis given the
 * emergency script (1, from 0%: there is no target) sees the line but loses
 * the answer the graded response exists to give; without this term a low
 * clear threshold buys clear crises at the emergency reply by sending every
 * wish to be dead there too.
 */
export const SHORTFALL_COST = { crisisSeen: 10, ordinaryClear: 5, clearAsClear: 2, ordinaryNotice: 1, possibleAsClear: 1 } as const;

export function shortfallCost(point: SweepPoint): number {
  const f = point.pooled;
  return (
    SHORTFALL_COST.crisisSeen * Math.max(0, TARGETS.crisisSeen - f.crisisSeen.rate) +
    SHORTFALL_COST.ordinaryClear * Math.max(0, f.ordinaryClear.rate - TARGETS.ordinaryClear) +
    SHORTFALL_COST.clearAsClear * Math.max(0, TARGETS.clearAsClear - f.clearAsClear.rate) +
    SHORTFALL_COST.ordinaryNotice * Math.max(0, f.ordinaryPossible.rate - TARGETS.ordinaryPossible) +
    SHORTFALL_COST.possibleAsClear * (Number.isNaN(f.possibleAsClear.rate) ? 0 : f.possibleAsClear.rate)
  );
}

/**
 * Budgets for ordinary messages, as hard limits: at most 2% of the hard
 * lookalikes (the blind sets' ordinary messages, written to look alarming)
 * given the emergency reply (twice the target; issue #12 is exactly this
 * failure), at most 1% of everyday traffic (the FAQ suites' questions and the
 * everyday sets: the target), and at most 5% of all ordinary messages given a
 * notice by the model (the target; the detectors' own notices come on top, and
 * only the detector floor moves them). The two kinds are held to their own
 * budgets: pooled, the many plain messages would let the lookalikes' rate rise
 * unseen.
 */
export const ORDINARY_BUDGET = { lookalikeClear: 0.02, everydayClear: 0.01, modelNotice: 0.05 } as const;

/** Ordinary messages given the emergency reply at a sweep point, among the pool sources `pick` selects. */
export function ordinaryClearRate(pool: readonly PoolItem[], point: SweepPoint, pick: (source: PoolItem["source"]) => boolean): number {
  const ordinary = pool.map((p, i) => ({ p, got: point.got[i]! })).filter(({ p }) => p.message.label === "ordinary" && pick(p.source));
  return ordinary.filter(({ got }) => got.level === "clear").length / Math.max(1, ordinary.length);
}

/** Whether a sweep point keeps every ordinary budget. */
export function withinBudget(pool: readonly PoolItem[], point: SweepPoint): boolean {
  return (
    ordinaryClearRate(pool, point, (s) => !isEverydaySource(s)) <= ORDINARY_BUDGET.lookalikeClear &&
    ordinaryClearRate(pool, point, isEverydaySource) <= ORDINARY_BUDGET.everydayClear &&
    modelNotices(pool, point) <= ORDINARY_BUDGET.modelNotice
  );
}

/**
 * The point of a sweep chosen: within the ordinary budgets, the least shortfall
 * cost (so, mostly, crises seeing the line against clear crises at clear);
 * when no point is within them, the least cost overall. Ties: the first, in grid order.
 */
export function chooseThresholds(sweep: readonly SweepPoint[], pool: readonly PoolItem[]): SweepPoint {
  if (sweep.length === 0) throw new Error("empty sweep");
  const within = sweep.filter((s) => withinBudget(pool, s));
  return (within.length > 0 ? within : sweep).reduce((best, s) => (shortfallCost(s) < shortfallCost(best) - 1e-12 ? s : best));
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

export type { RiskThresholds };
