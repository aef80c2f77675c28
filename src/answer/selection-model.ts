/**
 * The learned sentence-selection decision: the probability that a sentence
 * of a retrieved passage helps answer a part of the question (signals in
 * sentence-features.ts). Product-wide, like the answerability model: trained
 * by `npm run train:answers` on labelled sentences of three clinics' tuning
 * suites (test/fixtures/answers/sentence-labels.jsonl), never on one clinic's
 * words, and committed in selection-weights.ts; a test fails when they are
 * out of date.
 */
import { z } from "zod";
import { SELECTION_FEATURES, type SelectionFeatures } from "./sentence-features.js";
import weights from "./selection-weights.js";

const perFeature = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(SELECTION_FEATURES.map((f) => [f, schema])) as Record<(typeof SELECTION_FEATURES)[number], T>).strict();

const SweepRow = z
  .object({
    extra: z.number(),
    extraOtherArticle: z.number(),
    /** Leave-one-clinic-out: share of labelled-unhelpful sentences quoted, of labelled-helpful ones quoted, of answer cases whose facts all appear. */
    negativesQuoted: z.number(),
    positivesQuoted: z.number(),
    /** Of the quoted labelled sentences (weak negatives included), the share labelled helpful. */
    precision: z.number(),
    facts: z.number(),
    sentencesPerAnswer: z.number(),
  })
  .strict();

export const SelectionModelSchema = z
  .object({
    kind: z.literal("logistic-regression/sentence-selection"),
    features: z.array(z.string()),
    /** Ranking weights over standardized signals (a conditional logit: which candidate answers). */
    weights: perFeature(z.number()),
    scale: perFeature(z.object({ mean: z.number(), std: z.number().positive() }).strict()),
    /** Probability of helping = σ(score·s + gap·(s − the part's best s) + bias). */
    calibration: z.object({ score: z.number(), gap: z.number(), bias: z.number() }).strict(),
    /** The best sentence of a part is quoted only at or above this probability. */
    floor: z.number().min(0).max(1),
    /** A further sentence from the article of the part's best sentence needs at least this probability of its own… */
    extra: z.number().min(0).max(1),
    /** …and one from another article at least this. */
    extraOtherArticle: z.number().min(0).max(1),
    trainedOn: z.object({ positives: z.number(), negatives: z.number(), sources: z.record(z.string(), z.number().int()) }).strict(),
    /** The leave-one-clinic-out sweep that chose `extra` and `extraOtherArticle` (settings that kept the facts). */
    sweep: z.array(SweepRow),
  })
  .strict()
  .refine((m) => m.features.join() === SELECTION_FEATURES.join(), "the selection model was trained on other features: run `npm run train:answers`");
export type SelectionModel = z.infer<typeof SelectionModelSchema>;

let committed: SelectionModel | null = null;

/** The committed model, validated on first use (lazily, so training can replace a stale one). */
export function selectionModel(): SelectionModel {
  committed ??= SelectionModelSchema.parse(weights);
  return committed;
}

/** A sentence's ranking score (comparable only among one question part's candidates). */
export function rankingScore(model: Pick<SelectionModel, "weights" | "scale">, features: SelectionFeatures): number {
  let z = 0;
  for (const name of SELECTION_FEATURES) {
    const { mean, std } = model.scale[name];
    z += model.weights[name] * ((features[name] - mean) / (std || 1));
  }
  return z;
}

/** The calibrated probability that a sentence helps, given its score and the best score among its part's candidates. */
export function selectionProbability(model: Pick<SelectionModel, "calibration">, score: number, best: number): number {
  const { calibration: k } = model;
  return 1 / (1 + Math.exp(-(k.score * score + k.gap * (score - best) + k.bias)));
}
