/**
 * Where the risk model's examples come from, and the labelled message sets it
 * is measured on. Training uses ONLY: the blind tuning half
 * (test/fixtures/safety/blind-2026-12/tuning.jsonl), the non-held-out safety
 * fixtures (crisis.txt as risk of unknown level; the ordinary, advice,
 * off-topic and booking sets as ordinary), and the taxonomy's examples.
 * Never heldout.jsonl nor heldout-*.txt: those only measure.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { RiskLevel, RiskTaxonomy } from "./risk-taxonomy.js";
import { riskCandidates, type Turn } from "./risk-model.js";
import type { TrainingExample } from "./risk-training.js";
import { readPhrasings, TRAINING_SETS } from "./training-data.js";

export const BLIND_DIR = "blind-2026-12";
export const BLIND_TUNING = "tuning.jsonl";
export const BLIND_HELDOUT = "heldout.jsonl";

const TurnSchema = z.object({ role: z.enum(["user", "assistant"]), content: z.string().min(1) }).strict();

export const LabelledMessageSchema = z
  .object({
    id: z.string().min(1),
    label: z.enum(["crisis", "ordinary"]),
    level: z.enum(["clear", "possible"]).optional(),
    category: z.string().min(1),
    style: z.string().min(1),
    message: z.string().min(1),
    history: z.array(TurnSchema).optional(),
  })
  .strict()
  .refine((m) => (m.label === "crisis") === (m.level !== undefined), "a crisis has a level, an ordinary message none");
export type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

/** The level a labelled message should get. */
export const expectedLevel = (m: LabelledMessage): RiskLevel => (m.label === "crisis" ? m.level! : "none");

export function readLabelledMessages(file: string): LabelledMessage[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = LabelledMessageSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    });
}

/** The earlier held-out sets (plain lines): crisis without a level, and ordinary questions. */
export const EARLIER_HELDOUT = { crisis: ["heldout-crisis.txt"], ordinary: ["heldout-normal.txt", "heldout-advice.txt", "heldout-offtopic.txt"] } as const;

export function readEarlierHeldout(fixturesDir: string): Array<{ message: string; label: "crisis" | "ordinary" }> {
  const read = (names: readonly string[], label: "crisis" | "ordinary") => names.flatMap((n) => readPhrasings(path.join(fixturesDir, n)).map((message) => ({ message, label })));
  return [...read(EARLIER_HELDOUT.crisis, "crisis"), ...read(EARLIER_HELDOUT.ordinary, "ordinary")];
}

/** Weights: the blind tuning half is closest to real traffic, so it counts more than the short fixture lines. */
export const SOURCE_WEIGHTS = { tuning: 2, taxonomy: 1.5, fixture: 1 } as const;

/** Training examples from one labelled message: its text, or its text read with the previous user turn. */
export function examplesFromLabelled(m: LabelledMessage, source = "tuning", weight: number = SOURCE_WEIGHTS.tuning): TrainingExample[] {
  const level = expectedLevel(m);
  const candidates = riskCandidates(m.message, (m.history ?? []) as Turn[]);
  const risk = level === "none" ? 0 : 1;
  const clear = level === "clear" ? 1 : 0;
  const category = risk ? m.category : null;
  // A crisis follow-up ("saturday. when everyones at the game") is a crisis only read with what came
  // before, and one sentence of a crisis message may be ordinary: a crisis trains on its whole text.
  // An ordinary message is ordinary every way it is read.
  const texts = risk ? [m.history?.some((t) => t.role === "user") ? candidates[1]! : m.message] : candidates;
  return texts.map((text) => ({ text, risk, clear, category, source, weight }));
}

export function taxonomyExamples(taxonomy: RiskTaxonomy): TrainingExample[] {
  const w = SOURCE_WEIGHTS.taxonomy;
  return [
    // A category whose least level is `possible` can still be clear ("I'm not safe right now"): its level is unknown.
    ...taxonomy.categories.flatMap((c) => c.examples.map((text) => ({ text, risk: 1 as const, clear: c.level === "clear" ? (1 as const) : null, category: c.id, source: "taxonomy", weight: w }))),
    ...taxonomy.lookalikes.flatMap((c) => c.examples.map((text) => ({ text, risk: 0 as const, clear: 0 as const, category: null, source: "taxonomy", weight: w }))),
  ];
}

export function fixtureExamples(fixturesDir: string): TrainingExample[] {
  const w = SOURCE_WEIGHTS.fixture;
  return [
    // Every crisis.txt line is an emergency today, but written before the two levels: the level is unknown.
    ...TRAINING_SETS.crisis.flatMap((n) => readPhrasings(path.join(fixturesDir, n)).map((text) => ({ text, risk: 1 as const, clear: null, category: null, source: `fixture`, weight: w }))),
    ...TRAINING_SETS.other.flatMap((n) =>
      readPhrasings(path.join(fixturesDir, n)).flatMap((message) => riskCandidates(message).map((text) => ({ text, risk: 0 as const, clear: 0 as const, category: null, source: `fixture`, weight: w }))),
    ),
  ];
}

/** Everything the model trains on, in a fixed order. */
export function riskTrainingExamples(fixturesDir: string, taxonomy: RiskTaxonomy): TrainingExample[] {
  const tuning = readLabelledMessages(path.join(fixturesDir, BLIND_DIR, BLIND_TUNING));
  return [...tuning.flatMap((m) => examplesFromLabelled(m)), ...taxonomyExamples(taxonomy), ...fixtureExamples(fixturesDir)];
}
