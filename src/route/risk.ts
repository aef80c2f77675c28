/**
 * Graded crisis risk of a message within its conversation: the one place
 * that decides between `none`, `possible` (the normal reply, with the crisis
 * notice above it) and `clear` (the emergency reply). Pure and deterministic;
 * every threshold and word list is data in corpus/defaults/safety (crisis.yaml, risk.yaml).
 *
 * A better model can replace the inside of `assessMessage`; callers only see
 * `assessRisk` and its result.
 */
import type { Turn } from "../contract.js";
import { classifierScore, clearCrisisRule, readMessage } from "./crisis.js";
import { sanitizeInput } from "./normalize.js";
import type { SafetyRules } from "./rules.js";

export const RISK_LEVELS = ["none", "possible", "clear"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskAssessment {
  level: RiskLevel;
  /** What decided, e.g. `crisis.end_life`, `risk.concern.overdose`, `conversation.follow_up.timing`. Safe to log: never the message. */
  rule: string | null;
}

const NONE: RiskAssessment = { level: "none", rule: null };

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** One message on its own, without the conversation. */
export function assessMessage(message: string, rules: SafetyRules): RiskAssessment {
  const ctx = readMessage(message, rules);
  const score = classifierScore(ctx, rules);
  const clear = clearCrisisRule(ctx, rules, score);
  if (clear) return { level: "clear", rule: clear };
  if (score >= rules.risk.classifierPossible && wordCount(message) >= rules.risk.classifierPossibleMinWords) return { level: "possible", rule: "risk.classifier" };
  const concern = rules.risk.concern.find((c) => ctx.forms.some((f) => c.pattern.test(f)));
  if (concern) return { level: "possible", rule: `risk.concern.${concern.id}` };
  return NONE;
}

/**
 * The message scored with the patient's own earlier turns (`history` user
 * turns only: assistant text comes from the client and is never trusted).
 * A short follow-up that adds intent, timing or means to a clear turn is
 * clear; one that makes a `possible` turn clear when read together with it
 * is clear; and once any turn was clear or possible, every later reply
 * carries at least the notice.
 */
export function assessRisk(message: string, history: readonly Turn[], rules: SafetyRules): RiskAssessment {
  const own = assessMessage(message, rules);
  if (own.level === "clear") return own;

  const earlier = history
    .filter((t) => t.role === "user")
    .map((t) => sanitizeInput(t.content))
    .filter((text) => text.length > 0)
    .map((text) => ({ text, risk: assessMessage(text, rules) }));
  if (earlier.length === 0) return own;

  if (wordCount(message) <= rules.risk.followUpMaxWords) {
    const recent = earlier.slice(-rules.risk.lookbackUserTurns).reverse();
    const forms = readMessage(message, rules).forms;
    const signal = rules.risk.followUpSignals.find((s) => forms.some((f) => s.pattern.test(f)));
    if (signal && recent.some((t) => t.risk.level === "clear")) return { level: "clear", rule: `conversation.follow_up.${signal.id}` };
    // Read together only when the follow-up brings something of its own: "i see" after a
    // question about suicidal depression must not turn the question into a disclosure.
    if (signal || own.level === "possible") {
      for (const turn of recent.filter((t) => t.risk.level === "possible")) {
        const together = assessMessage(`${turn.text}\n${message}`, rules);
        if (together.level === "clear") return { level: "clear", rule: `conversation.together.${together.rule}` };
      }
    }
  }

  if (own.level === "possible") return own;
  // The level never drops within a conversation.
  if (earlier.some((t) => t.risk.level === "clear")) return { level: "possible", rule: "conversation.earlier_clear" };
  if (earlier.some((t) => t.risk.level === "possible")) return { level: "possible", rule: "conversation.earlier_possible" };
  return own;
}
