/**
 * The learned crisis detector: logistic regression over stemmed word unigrams
 * and bigrams, trained from the fixture phrasings (`npm run train:safety`).
 * It runs beside the phrase rules (either one routes to emergency) because
 * rules only catch wordings someone wrote a pattern for; on a held-out set
 * written blind to both, the classifier catches most of what the rules miss
 * (README, "Safety behaviour"). Deterministic: same model, same text, same score.
 */
import { stemmer } from "stemmer";
import { z } from "zod";
import { seededRandom } from "../seeded-random.js";

export const CRISIS_MODEL_FILE = "crisis-model.json";

export const CrisisModelSchema = z
  .object({
    kind: z.literal("logistic-regression/stem-unigram-bigram"),
    /** The decision boundary the model was trained for (0.5). Routing reads its thresholds from `risk.yaml`. */
    threshold: z.number().gt(0).lt(1),
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
    /** How many phrasings of each class it was trained on (documentation only). */
    trainedOn: z.object({ crisis: z.number().int(), other: z.number().int() }).strict(),
  })
  .strict();
export type CrisisModel = z.infer<typeof CrisisModelSchema>;

/** Features of one normalized form: stems, and adjacent stem pairs joined by "_". */
export function crisisFeatures(form: string): string[] {
  const stems = form
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => stemmer(w));
  const features = new Set<string>(stems);
  for (let i = 0; i + 1 < stems.length; i++) features.add(`${stems[i]}_${stems[i + 1]}`);
  return [...features];
}

export function crisisScore(model: CrisisModel, form: string): number {
  let z = model.bias;
  for (const f of crisisFeatures(form)) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weights closer to zero than this are dropped (smaller file, same decisions in practice). */
  prune: number;
}

export const DEFAULT_TRAINING: TrainOptions = { epochs: 60, learningRate: 0.3, l2: 1e-3, seed: 20261126, prune: 0.01 };


/** Stochastic gradient descent on the log loss with L2 decay. Inputs are normalized forms. */
export function trainCrisisModel(crisis: readonly string[], other: readonly string[], options: TrainOptions = DEFAULT_TRAINING): CrisisModel {
  const random = seededRandom(options.seed);
  const examples = [...crisis.map((t) => ({ f: crisisFeatures(t), y: 1 })), ...other.map((t) => ({ f: crisisFeatures(t), y: 0 }))];
  const weights = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Fisher–Yates with the seeded generator.
    for (let i = examples.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [examples[i], examples[j]] = [examples[j]!, examples[i]!];
    }
    for (const { f, y } of examples) {
      let z = bias;
      for (const k of f) z += weights.get(k) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - y;
      bias -= options.learningRate * gradient;
      for (const k of f) weights.set(k, (weights.get(k) ?? 0) * (1 - options.learningRate * options.l2) - options.learningRate * gradient);
    }
  }
  const kept = [...weights.entries()].filter(([, w]) => Math.abs(w) >= options.prune).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    kind: "logistic-regression/stem-unigram-bigram",
    threshold: 0.5,
    bias: round(bias),
    weights: Object.fromEntries(kept.map(([k, w]) => [k, round(w)])),
    trainedOn: { crisis: crisis.length, other: other.length },
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
