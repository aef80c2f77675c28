/**
 * Deterministic training of the answerability model: standardized features,
 * logistic regression by full-batch gradient descent with L2, then the
 * decision threshold: the lowest one at which at most `maxFalseAnswerRate` of
 * the uncovered training questions would be answered. A wrong answer is worse
 * than an honest "I don't have that information", so the bound on wrong
 * answers is fixed first and the threshold gives as many answers as it allows.
 * 10%: a 3% bound (threshold 0.75) also refused "How long does one session
 * take?", the question the product exists for; 5% gave the same threshold.
 */
import { FEATURE_NAMES, probability, type Features } from "./evidence.js";
import type { AnswerabilityModel } from "./answerability-model.js";

export interface TrainingExample {
  features: Features;
  /** true: the articles answer it (expect.type answer); false: they don't (no_answer). */
  answerable: boolean;
}

export interface AnswerTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Largest share of uncovered training questions the threshold may let through. */
  maxFalseAnswerRate: number;
}

export const DEFAULT_ANSWER_TRAINING: AnswerTrainOptions = { epochs: 3000, learningRate: 0.1, l2: 0.01, maxFalseAnswerRate: 0.1 };

const round = (x: number) => Number(x.toFixed(6));

export function trainAnswerability(examples: readonly TrainingExample[], sources: Record<string, number>, options: AnswerTrainOptions = DEFAULT_ANSWER_TRAINING): AnswerabilityModel {
  const n = examples.length;
  const scale = {} as AnswerabilityModel["scale"];
  for (const f of FEATURE_NAMES) {
    const mean = examples.reduce((s, e) => s + e.features[f], 0) / Math.max(1, n);
    const variance = examples.reduce((s, e) => s + (e.features[f] - mean) ** 2, 0) / Math.max(1, n);
    scale[f] = { mean: round(mean), std: round(Math.sqrt(variance) || 1) };
  }
  const x = examples.map((e) => FEATURE_NAMES.map((f) => (e.features[f] - scale[f].mean) / scale[f].std));
  const y = examples.map((e) => (e.answerable ? 1 : 0));
  // Classes weighted to balance: there are far more answerable questions than uncovered ones.
  const positives = y.filter((v) => v === 1).length;
  const wPos = n / (2 * Math.max(1, positives));
  const wNeg = n / (2 * Math.max(1, n - positives));
  const w = FEATURE_NAMES.map(() => 0);
  let b = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grad = w.map(() => 0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const z = b + w.reduce((s, wj, j) => s + wj * x[i]![j]!, 0);
      const err = (1 / (1 + Math.exp(-z)) - y[i]!) * (y[i] ? wPos : wNeg);
      for (let j = 0; j < w.length; j++) grad[j]! += err * x[i]![j]!;
      gb += err;
    }
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - options.learningRate * (grad[j]! / n + options.l2 * w[j]!);
    b -= options.learningRate * (gb / n);
  }
  const model: AnswerabilityModel = {
    kind: "logistic-regression/answerability",
    features: [...FEATURE_NAMES],
    weights: Object.fromEntries(FEATURE_NAMES.map((f, j) => [f, round(w[j]!)])) as AnswerabilityModel["weights"],
    bias: round(b),
    scale,
    threshold: 0.5,
    trainedOn: { answerable: positives, uncovered: n - positives, sources },
  };
  // Threshold: the lowest (most answers) that keeps answered-uncovered within the bound.
  const probs = examples.map((e) => probability(model, e.features));
  const uncovered = probs.filter((_, i) => !examples[i]!.answerable);
  let best = { t: 0.95 };
  for (let t = 0.2; t <= 0.9501; t += 0.01) {
    const falseAnswers = uncovered.filter((p) => p >= t).length;
    if (falseAnswers <= options.maxFalseAnswerRate * uncovered.length) {
      best = { t };
      break;
    }
  }
  return { ...model, threshold: round(best.t) };
}
