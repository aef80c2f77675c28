/**
 * Graded crisis risk of a message within its conversation: the one place
 * that decides between `none`, `possible` (the normal reply, with the crisis
 * notice above it) and `clear` (the emergency reply). Pure, synchronous and
 * deterministic.
 *
 * The level is the learned risk model's LEXICAL variant (risk-model.ts:
 * words, taxonomy cues and framing, no encoder vector), so the Node server and
 * the Workers build decide identically from the same bundled files. The
 * model's thresholds are in corpus/defaults/safety/risk-thresholds.yaml, its
 * categories in risk-taxonomy.yaml. Today's emergency detectors (crisis.yaml,
 * crisis-model.json at risk.yaml's classifier.clear) on the message itself
 * earn the notice where the model sees no risk, unless the model's any-risk
 * score stays below the thresholds file's `detector_floor` (it read the words
 * as ordinary: a question about a risk, a farewell to a brace). Whether
 * they also raise the model's `possible` to `clear` is the thresholds file's
 * `detectors`; they never raise a message to the emergency reply alone (that
 * was the old rules' 26.6% false emergencies on the blind held-out half).
 */
import type { Turn } from "../contract.js";
import { classifierScore, clearCrisisRule, readMessage } from "./crisis.js";
import { matchForms, sanitizeInput } from "./normalize.js";
import { combineRisk, scoreRisk, sentencesOf, type RiskScore } from "./risk-model.js";
import { levelRank, type RiskTaxonomy } from "./risk-taxonomy.js";
import type { SafetyRules } from "./rules.js";

export const RISK_LEVELS = ["none", "possible", "clear"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskAssessment {
  level: RiskLevel;
  /** What decided, e.g. `risk.model.plan`, `risk.floor.lethality_question`, `risk.decline.lethality_question`, `conversation.earlier_possible`. Safe to log: never the message. */
  rule: string | null;
}

const NONE: RiskAssessment = { level: "none", rule: null };

/**
 * Which emergency text a clear assessment gets: `medical` (the emergency number first) when the taxonomy
 * category that decided says so (a medical emergency, an overdose, asking for an ambulance), else `crisis`
 * (the crisis line first). Read from the rule, which names the category for model, floor and decline decisions.
 */
export function emergencyKind(assessment: RiskAssessment, taxonomy: RiskTaxonomy): "crisis" | "medical" {
  const id = /\brisk\.(?:model|floor|decline)\.([a-z_]+)$/.exec(assessment.rule ?? "")?.[1];
  return taxonomy.categories.find((c) => c.id === id)?.reply ?? "crisis";
}

/**
 * How a text is read: the model's score of one text, and today's emergency
 * detectors on one message. The product reads with the committed lexical model
 * (`productReader`); the cross-validation in risk-experiment.ts passes a model
 * trained without the fold, with cached analyses, to score it exactly as the product.
 */
export interface RiskReader {
  score(text: string): RiskScore;
  detector(message: string): string | null;
  /** risk-thresholds.yaml `detectors`: whether a detector raises the model's `possible` to `clear`. */
  raise: boolean;
  /** risk-thresholds.yaml `detector_floor`: the model's any-risk score a detector's notice needs (0: always). */
  detectorFloor: number;
}

export function productReader(rules: SafetyRules): RiskReader {
  return {
    raise: rules.riskModel.thresholds.detectors === "raise_possible",
    detectorFloor: rules.riskModel.thresholds.detector_floor,
    score: (text) => scoreRisk(text, null, rules.riskModel),
    detector: (message) => {
      const ctx = readMessage(message, rules);
      return clearCrisisRule(ctx, rules, classifierScore(ctx, rules));
    },
  };
}

/**
 * The model's score as a level. A category the taxonomy marks `decline`
 * (questions about lethal amounts) is raised to `clear`: the emergency reply
 * never runs retrieval, so no figure from the articles can reach the writer,
 * and the crisis line is the whole answer. Declining with the notice would
 * also show the line, but the decline path still retrieves facts for advice
 * refusals; the emergency path is the one that structurally cannot leak.
 */
function toAssessment(score: RiskScore): RiskAssessment {
  if (score.level === "none") return NONE;
  const what = score.category ?? "unknown";
  if (score.decline) return { level: "clear", rule: `risk.decline.${what}` };
  const source = (score.source ?? "model").replace(/:.*$/, "");
  return { level: score.level, rule: source === "language" ? `risk.${score.source!.replace(":", ".")}` : `risk.${source}.${what}` };
}

/** The highest level over the texts (ties: the first). */
function assessTexts(texts: readonly string[], reader: RiskReader): RiskAssessment {
  return toAssessment(combineRisk(texts.map((t) => reader.score(t))));
}

/**
 * One message on its own (and each of its sentences), without the conversation,
 * and the model's highest any-risk score over them (1 when one is in a language
 * the model cannot read: its score means nothing there).
 */
function readOwn(message: string, reader: RiskReader): { own: RiskAssessment; modelRisk: number } {
  const scores = [message, ...sentencesOf(message)].map((t) => reader.score(t));
  const modelRisk = Math.max(...scores.map((s) => (s.scores.modelReads ? s.scores.risk : 1)));
  return { own: toAssessment(combineRisk(scores)), modelRisk };
}

/** One message on its own (and each of its sentences), without the conversation. */
export function assessMessage(message: string, rules: SafetyRules, reader: RiskReader = productReader(rules)): RiskAssessment {
  return readOwn(message, reader).own;
}

/**
 * The message scored with the patient's own earlier turns (`history` user
 * turns only: assistant text comes from the client and is never trusted).
 * The model reads the message, the previous user turn joined to it ("yes,
 * tonight" after "I have been thinking about ending my life" is clear), and
 * each sentence; once any earlier turn was possible or clear, every later
 * reply carries at least the notice: the level never drops.
 */
export function assessRisk(message: string, history: readonly Turn[], rules: SafetyRules, reader: RiskReader = productReader(rules)): RiskAssessment {
  const users = history
    .filter((t) => t.role === "user")
    .map((t) => ({ role: "user" as const, content: sanitizeInput(t.content) }))
    .filter((t) => t.content.length > 0);
  const joined = users.length > 0 ? joinedOnlyIfNew(message, users, rules, reader) : NONE;
  const alone = readOwn(message, reader);
  const own = upgraded(message, maxOf(alone.own, joined), alone.modelRisk, reader);
  if (own.level !== "none") return own;
  // Each earlier turn as it was judged then (with the turns before it).
  const earlier = users.map((t, i) => assessRisk(t.content, users.slice(0, i), rules, reader));
  const worst = maxOf(...earlier);
  if (worst.level === "clear") return { level: "possible", rule: "conversation.earlier_clear" };
  if (worst.level === "possible") return { level: "possible", rule: "conversation.earlier_possible" };
  return own;
}

const maxOf = (...all: RiskAssessment[]): RiskAssessment => all.reduce<RiskAssessment>((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a), NONE);

/**
 * The message joined to the patient's previous turn, when reading them together says more
 * than that turn alone did ("yes, tonight" after a possible turn), or when the message is a
 * short follow-up with a signal of risk.yaml ("yes, tonight" even after a clear turn). A new
 * question after a disclosure is not re-read as the disclosure: it gets the notice.
 */
function joinedOnlyIfNew(message: string, users: ReadonlyArray<{ role: "user"; content: string }>, rules: SafetyRules, reader: RiskReader): RiskAssessment {
  const previous = users.at(-1)!.content;
  const joined = assessTexts([`${previous}\n${message}`], reader);
  if (joined.level === "none") return NONE;
  const before = assessTexts([previous, ...sentencesOf(previous)], reader);
  if (levelRank(joined.level) > levelRank(before.level)) return { ...joined, rule: `conversation.together.${joined.rule}` };
  const short = message.split(/\s+/).filter(Boolean).length <= rules.risk.followUpMaxWords;
  const forms = matchForms(message).forms;
  const signal = short ? rules.risk.followUpSignals.find((s) => forms.some((f) => s.pattern.test(f))) : undefined;
  return signal ? { ...joined, rule: `conversation.follow_up.${signal.id}` } : NONE;
}

/**
 * Today's emergency detectors on the message itself: where the model sees none
 * they still show the notice, unless the model's any-risk score stays below
 * `detectorFloor` (the rule says `risk.detector_silenced.*`, for the logs);
 * where it sees some they make it clear only with `detectors: raise_possible`.
 * A missed crisis costs more than a needless notice, so the model may turn a
 * detector's emergency into a notice, and silence one only when it is sure.
 */
function upgraded(message: string, own: RiskAssessment, modelRisk: number, reader: RiskReader): RiskAssessment {
  if (own.level === "clear") return own;
  const detector = reader.detector(message);
  if (!detector) return own;
  if (own.level === "possible") return reader.raise ? { level: "clear", rule: `risk.detector.${detector}` } : own;
  if (modelRisk < reader.detectorFloor) return { level: "none", rule: `risk.detector_silenced.${detector}` };
  return { level: "possible", rule: `risk.detector_only.${detector}` };
}
