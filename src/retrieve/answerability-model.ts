/**
 * The learned answerability decision (see evidence.ts for the signals). The
 * weights are product-wide — trained on several clinics' eval suites, never
 * on one clinic's topic words — and committed in answerability-weights.ts,
 * written by `npm run train:answers`; a test fails when they are out of date.
 */
import { z } from "zod";
import { FEATURE_NAMES_LIST } from "./feature-names.js";
import weights from "./answerability-weights.js";

const perFeature = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(FEATURE_NAMES_LIST.map((f) => [f, schema])) as Record<(typeof FEATURE_NAMES_LIST)[number], T>).strict();

export const AnswerabilityModelSchema = z
  .object({
    kind: z.literal("logistic-regression/answerability"),
    features: z.array(z.string()),
    weights: perFeature(z.number()),
    bias: z.number(),
    scale: perFeature(z.object({ mean: z.number(), std: z.number().positive() }).strict()),
    /** Probability at or above which the question counts as answered by the articles. */
    threshold: z.number().min(0).max(1),
    trainedOn: z.object({ answerable: z.number().int(), uncovered: z.number().int(), sources: z.record(z.string(), z.number().int()) }).strict(),
  })
  .strict()
  .refine((m) => m.features.join() === FEATURE_NAMES_LIST.join(), "the model was trained on other features: run `npm run train:answers`");
export type AnswerabilityModel = z.infer<typeof AnswerabilityModelSchema>;

let committed: AnswerabilityModel | null = null;

/** The committed model, validated on first use (lazily, so `npm run train:answers` can replace a stale one). */
export function answerabilityModel(): AnswerabilityModel {
  committed ??= AnswerabilityModelSchema.parse(weights);
  return committed;
}
