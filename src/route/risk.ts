/**
 * Graded crisis risk of a message within its conversation: the one place
 * that decides between `none`, `possible` (the normal reply, with the crisis
 * notice above it) and `clear` (the emergency reply). Pure, synchronous and
 * deterministic.
 *
 * The decision is the learned risk model's LEXICAL variant (risk-model.ts:
 * words, taxonomy cues and today's detectors as features, no encoder vector),
 * so the Node server and the Workers build decide identically from the same
 * bundled files. Every threshold is in corpus/defaults/safety/risk-thresholds.yaml;
 * the categories are risk-taxonomy.yaml.
 */
import type { Turn } from "../contract.js";
import { sanitizeInput } from "./normalize.js";
import { combineRisk, riskCandidates, scoreRisk, sentencesOf, type RiskScore } from "./risk-model.js";
import { levelRank } from "./risk-taxonomy.js";
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

/**
 * The highest level over the texts (ties: the first). risk.yaml's `concern`
 * words are not added on top: on the blind held-out half they gave the notice
 * to 18 of 169 ordinary questions (research, family history, "can it cause
 * suicidal thoughts?"), the lookalikes the model was trained to tell apart.
 */
function assessTexts(texts: readonly string[], rules: SafetyRules): RiskAssessment {
  return toAssessment(combineRisk(texts.map((t) => scoreRisk(t, null, rules.riskModel))));
}

/** One message on its own (and each of its sentences), without the conversation. */
export function assessMessage(message: string, rules: SafetyRules): RiskAssessment {
  return assessTexts([message, ...sentencesOf(message)], rules);
}

/**
 * The message scored with the patient's own earlier turns (`history` user
 * turns only: assistant text comes from the client and is never trusted).
 * The model reads the message, the previous user turn joined to it ("yes,
 * tonight" after "I have been thinking about ending my life" is clear), and
 * each sentence; once any earlier turn was possible or clear, every later
 * reply carries at least the notice: the level never drops.
 */
export function assessRisk(message: string, history: readonly Turn[], rules: SafetyRules): RiskAssessment {
  const users = history
    .filter((t) => t.role === "user")
    .map((t) => ({ role: "user" as const, content: sanitizeInput(t.content) }))
    .filter((t) => t.content.length > 0);
  const own = assessTexts(riskCandidates(message, users), rules);
  if (own.level !== "none") return own;
  // Each earlier turn as it was judged then (with the turn before it).
  const earlier = users.map((t, i) => assessTexts(riskCandidates(t.content, users.slice(0, i)), rules));
  const worst = earlier.reduce<RiskAssessment>((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a), NONE);
  if (worst.level === "clear") return { level: "possible", rule: "conversation.earlier_clear" };
  if (worst.level === "possible") return { level: "possible", rule: "conversation.earlier_possible" };
  return own;
}
