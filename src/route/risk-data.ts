/**
 * Where the risk model's examples come from, and the labelled message sets it
 * is measured on. Training uses ONLY tuning sources: the blind sets' tuning
 * halves (BLIND_SETS: test/fixtures/safety/<set>/tuning.jsonl), the questions
 * of the FAQ eval suites that are not held out (three clinics: expected
 * `emergency` is a clear crisis, anything else ordinary), the non-held-out
 * safety fixtures (crisis.txt as risk of unknown
 * level; the ordinary, advice, off-topic and booking sets as ordinary), and
 * the taxonomy's examples. Never heldout.jsonl, heldout-*.txt, the suites'
 * held-out halves or grades: those only measure.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { RiskLevel, RiskTaxonomy } from "./risk-taxonomy.js";
import { riskCandidates, type Turn } from "./risk-model.js";
import type { TrainingExample } from "./risk-training.js";
import { readPhrasings, readTrainingSets, trainingForm, TRAINING_SETS } from "./training-data.js";
import { parseSuite } from "../eval/suite.js";

export const BLIND_TUNING = "tuning.jsonl";
export const BLIND_HELDOUT = "heldout.jsonl";

/**
 * The blind crisis/ordinary sets, oldest first. Each was written by authors
 * who saw none of the rules, model, fixtures or earlier sets, and split into
 * `tuning.jsonl` (trains) and `heldout.jsonl` (read only by the report and the
 * figures test) before any result was looked at. `lookalikes`: crises next to
 * ordinary messages written to look alarming; `everyday`: ordinary messages
 * only, the everyday traffic of a clinic's chat box.
 */
export const BLIND_SETS = [
  { dir: "blind-2026-12", kind: "lookalikes", name: "blind set 1 (pain clinic)" },
  { dir: "blind-2026-12b", kind: "lookalikes", name: "blind set 2 (many clinics)" },
  { dir: "blind-2026-12c", kind: "lookalikes", name: "blind set 3, author A (many clinics, many kinds of writer)" },
  { dir: "blind-2026-12d", kind: "lookalikes", name: "blind set 3, author B (many clinics, phone-typing style)" },
  { dir: "blind-2026-12e", kind: "lookalikes", name: "blind set 4, author C (risk in ordinary words, emergencies after procedures)" },
  { dir: "blind-2026-12f", kind: "lookalikes", name: "blind set 4, author D (a third in Spanish, Portuguese, French)" },
  { dir: "blind-2026-12g", kind: "lookalikes", name: "blind set 5, author E (teenagers and young adults, online idiom)" },
  { dir: "blind-2026-12h", kind: "lookalikes", name: "blind set 5, author F (older adults and long-term illness, risk buried in long messages)" },
  { dir: "blind-2026-12i", kind: "everyday", name: "everyday traffic, author G (ordinary only: mental-health, pain, rehab and weight clinics)" },
  { dir: "blind-2026-12j", kind: "everyday", name: "everyday traffic, author H (ordinary only: dermatology, dental, pediatrics, obstetrics and more)" },
] as const;
export type BlindSetDir = (typeof BLIND_SETS)[number]["dir"];
/** Pool sources whose ordinary messages are everyday traffic rather than hard lookalikes: the FAQ suites and the `everyday` sets. */
const EVERYDAY_SOURCES: ReadonlySet<string> = new Set(["suites", ...BLIND_SETS.filter((set) => set.kind === "everyday").map((set) => set.dir)]);
export const isEverydaySource = (source: PoolItem["source"]): boolean => EVERYDAY_SOURCES.has(source);
/** The first blind set (pain clinic): the figures test pins its halves. */
export const BLIND_DIR: BlindSetDir = BLIND_SETS[0].dir;

/**
 * The FAQ eval suites whose questions train the risk model: every suite that is
 * not a held-out half, for each example clinic. Paths from the repository root.
 * (blind-*-heldout.yaml, heldout-faq.yaml and *.grades.yaml only measure.)
 */
export const SUITE_TRAINING = [
  "evals/ketamine-pain/clinic-faq.yaml",
  "evals/ketamine-pain/regressions.yaml",
  "evals/ketamine-pain/smoke.jsonl",
  "evals/ketamine-pain/blind-ketamine-tuning.yaml",
  "evals/physio/blind-physio-tuning.yaml",
  "evals/derm/blind-derm-tuning.yaml",
] as const;

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
    /** The kind of clinic the message was written for (second blind set), e.g. "dental". */
    clinic: z.string().min(1).optional(),
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

/**
 * The questions of one FAQ eval suite as labelled messages: expected
 * `emergency` → a clear crisis; any other type → ordinary. A case that expects
 * the notice (`safety: possible`) gets it from the conversation rule (an
 * earlier disclosure), not from its own words, so it is left out rather than
 * taught either way.
 */
export function readSuiteMessages(file: string, name = path.basename(file)): LabelledMessage[] {
  const suite = parseSuite(readFileSync(file, "utf8"), file);
  return suite.cases
    .filter((c) => c.expect.safety !== "possible")
    .map((c) => {
      const crisis = c.expect.type === "emergency";
      return LabelledMessageSchema.parse({
        id: `${name}#${c.id}`,
        label: crisis ? "crisis" : "ordinary",
        ...(crisis ? { level: "clear" } : {}),
        category: crisis ? "suite_emergency" : `suite_${c.expect.type ?? "any"}`,
        style: "suite",
        message: c.question,
        ...(c.history?.length ? { history: c.history } : {}),
      });
    });
}

/** Every tuning suite's messages (paths under `root`, the repository), in SUITE_TRAINING order. */
export const readTuningSuites = (root: string): LabelledMessage[] => SUITE_TRAINING.flatMap((f) => readSuiteMessages(path.join(root, f), f));

/** One half of a blind set. */
export const readBlindHalf = (fixturesDir: string, dir: BlindSetDir, half: typeof BLIND_TUNING | typeof BLIND_HELDOUT): LabelledMessage[] => readLabelledMessages(path.join(fixturesDir, dir, half));

/** The earlier held-out sets (plain lines): crisis without a level, and ordinary questions. */
export const EARLIER_HELDOUT = { crisis: ["heldout-crisis.txt"], ordinary: ["heldout-normal.txt", "heldout-advice.txt", "heldout-offtopic.txt"] } as const;

export function readEarlierHeldout(fixturesDir: string): Array<{ message: string; label: "crisis" | "ordinary" }> {
  const read = (names: readonly string[], label: "crisis" | "ordinary") => names.flatMap((n) => readPhrasings(path.join(fixturesDir, n)).map((message) => ({ message, label })));
  return [...read(EARLIER_HELDOUT.crisis, "crisis"), ...read(EARLIER_HELDOUT.ordinary, "ordinary")];
}

/**
 * Weight of one example by where it comes from. The blind halves (2) were
 * written as crisis/ordinary sets with hard lookalikes by authors who never saw
 * the model: closest to the decision being made. The suites' questions (1) are
 * many and mostly plain FAQ questions from three clinics; at weight 1 they
 * already carry about half of the ordinary mass, enough to teach that a
 * relative, a trip or a procedure is ordinary without drowning the crises
 * (their 23 emergencies repeat the fixtures'). The taxonomy's examples (1.5)
 * are few and written per category; the fixture lines (1) are short and were
 * written for the pain clinic only.
 */
export const SOURCE_WEIGHTS = { blind: 2, suite: 1, taxonomy: 1.5, fixture: 1 } as const;

/** Training examples from one labelled message: its text, or its text read with the previous user turn. */
export function examplesFromLabelled(m: LabelledMessage, source = "tuning", weight: number = SOURCE_WEIGHTS.blind): TrainingExample[] {
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

/** The safety fixtures folder of a repository. */
export const fixturesDirOf = (root: string) => path.join(root, "test/fixtures/safety");

/** A labelled tuning message and the source it comes from (cross-validation folds are taken within each source). */
export interface PoolItem {
  source: BlindSetDir | "suites";
  message: LabelledMessage;
}

/**
 * Every labelled tuning message (never a held-out one), in a fixed order. Two authors can write the same
 * words independently ("Parfois j'aimerais m'endormir et ne jamais me réveiller."): a tuning message
 * whose text is in any held-out half is left out, so no held-out text is ever trained on.
 */
export function tuningPool(root: string): PoolItem[] {
  const fixtures = fixturesDirOf(root);
  const heldOut = new Set([...BLIND_SETS.flatMap((set) => readBlindHalf(fixtures, set.dir, BLIND_HELDOUT)), ...readEarlierHeldout(fixtures)].map((m) => m.message));
  return [
    ...BLIND_SETS.flatMap((set) =>
      readBlindHalf(fixtures, set.dir, BLIND_TUNING)
        .filter((message) => !heldOut.has(message.message))
        .map((message) => ({ source: set.dir, message })),
    ),
    ...readTuningSuites(root).map((message) => ({ source: "suites" as const, message })),
  ];
}

export const poolExamples = (pool: readonly PoolItem[]): TrainingExample[] =>
  pool.flatMap((p) => examplesFromLabelled(p.message, p.source, p.source === "suites" ? SOURCE_WEIGHTS.suite : SOURCE_WEIGHTS.blind));

/** The examples that are in every cross-validation fold: the taxonomy's and the fixtures'. */
export const sharedExamples = (root: string, taxonomy: RiskTaxonomy): TrainingExample[] => [...taxonomyExamples(taxonomy), ...fixtureExamples(fixturesDirOf(root))];

/** Everything the model trains on, in a fixed order. */
export function riskTrainingExamples(root: string, taxonomy: RiskTaxonomy): TrainingExample[] {
  return [...poolExamples(tuningPool(root)), ...sharedExamples(root, taxonomy)];
}

/**
 * The word classifier's examples (crisis-model.json, `npm run train:safety`;
 * it is one of today's emergency detectors): the fixture sets, plus the tuning
 * pool's messages read on their own. Trained on the pain clinic's fixtures
 * only, it called a quarter of the blind halves' ordinary questions a crisis
 * ("heading to Mexico next week", "my aunt had her hip replaced"), and a
 * detector is never silenced. A crisis follow-up that is one only with the
 * turn before it ("yes, tonight") is left out: the detector reads one message.
 */
export function detectorTrainingSets(root: string, pool: readonly PoolItem[] = tuningPool(root)): { crisis: string[]; other: string[] } {
  const fixtures = readTrainingSets(fixturesDirOf(root));
  const alone = pool.filter((p) => p.message.label === "ordinary" || !p.message.history?.some((t) => t.role === "user"));
  return {
    crisis: [...fixtures.crisis, ...alone.filter((p) => p.message.label === "crisis").map((p) => trainingForm(p.message.message))],
    other: [...fixtures.other, ...alone.filter((p) => p.message.label === "ordinary").map((p) => trainingForm(p.message.message))],
  };
}
