/**
 * Deterministic training of the sentence-selection model: standardized
 * signals, logistic regression by full-batch gradient descent with L2, every
 * example weighted (a blind reader's verdict counts more than a sentence that
 * merely lacks an expected phrase) and the two classes balanced by weight.
 * The result is a probability per sentence; `floor` and `extra` are
 * thresholds on it, chosen by the caller on held-out clinics.
 *
 * A conditional logit (softmax over each question's sentences, with a
 * calibration on top) was tried: in-sample it ranked as well, but trained on
 * two clinics it ranked the third's sentences far worse (the right sentence
 * first for 54–77 of 243 question parts, against 145–159 for this model), so
 * the plain per-sentence model is used and its weights carry no per-question
 * normalization.
 */
import { SELECTION_FEATURES, type SelectionFeatures } from "./sentence-features.js";
import type { SelectionModel } from "./selection-model.js";

export interface WeightedCandidate {
  features: SelectionFeatures;
  /** null: not labelled (counts only for the question's best score). */
  label: 0 | 1 | null;
  weight: number;
}

/** One question's candidate sentences. */
export interface CandidateGroup {
  key: string;
  corpus: string;
  candidates: WeightedCandidate[];
}

export interface SelectionTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

export const DEFAULT_SELECTION_TRAINING: SelectionTrainOptions = { epochs: 2000, learningRate: 0.2, l2: 0.01 };

const round = (x: number) => Number(x.toFixed(6));

export type SelectionWeights = Pick<SelectionModel, "weights" | "scale" | "calibration">;

export function trainSelection(groups: readonly CandidateGroup[], options: SelectionTrainOptions = DEFAULT_SELECTION_TRAINING): SelectionWeights {
  const examples = groups.flatMap((g) => g.candidates).filter((c) => c.label !== null && c.weight > 0);
  const n = Math.max(1, examples.length);
  const scale = {} as SelectionModel["scale"];
  for (const f of SELECTION_FEATURES) {
    const mean = examples.reduce((s, e) => s + e.features[f], 0) / n;
    const variance = examples.reduce((s, e) => s + (e.features[f] - mean) ** 2, 0) / n;
    scale[f] = { mean: round(mean), std: round(Math.sqrt(variance) || 1) };
  }
  const x = examples.map((e) => SELECTION_FEATURES.map((f) => (e.features[f] - scale[f].mean) / scale[f].std));
  // Classes balanced by total weight: unhelpful sentences far outnumber the answers.
  const posWeight = examples.reduce((s, e) => s + (e.label ? e.weight : 0), 0);
  const negWeight = examples.reduce((s, e) => s + (e.label ? 0 : e.weight), 0);
  const total = posWeight + negWeight;
  const w = examples.map((e) => e.weight * (e.label ? total / (2 * Math.max(1e-9, posWeight)) : total / (2 * Math.max(1e-9, negWeight))));
  const norm = w.reduce((s, v) => s + v, 0) || 1;
  const theta = SELECTION_FEATURES.map(() => 0);
  let b = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grad = theta.map(() => 0);
    let gb = 0;
    for (let i = 0; i < examples.length; i++) {
      const xi = x[i]!;
      let z = b;
      for (let j = 0; j < theta.length; j++) z += theta[j]! * xi[j]!;
      const err = (1 / (1 + Math.exp(-z)) - examples[i]!.label!) * w[i]!;
      for (let j = 0; j < theta.length; j++) grad[j]! += err * xi[j]!;
      gb += err;
    }
    for (let j = 0; j < theta.length; j++) theta[j] = theta[j]! - options.learningRate * (grad[j]! / norm + options.l2 * theta[j]!);
    b -= options.learningRate * (gb / norm);
  }
  return {
    weights: Object.fromEntries(SELECTION_FEATURES.map((f, j) => [f, round(theta[j]!)])) as SelectionModel["weights"],
    scale,
    // The score is the log-odds itself: no per-question term.
    calibration: { score: 1, gap: 0, bias: round(b) },
  };
}
