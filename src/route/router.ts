/**
 * Deterministic routing, in the order the product promises:
 * emergency → booking → personal advice → off-topic/manipulation → question.
 * Pure: the same message and rules always give the same decision.
 */
import { classifierScore, clearCrisisRule, firstMatch, readMessage, type MessageContext } from "./crisis.js";
import type { SafetyRules } from "./rules.js";

export { comboMatches } from "./crisis.js";

export type RouteKind = "emergency" | "booking" | "personal_advice" | "off_topic" | "question";

export interface RouteDecision {
  kind: RouteKind;
  /** The rule that decided (safe to log: never the message). */
  rule: string | null;
}

/** One message on its own. The pipeline uses `assessRisk` (risk.ts) for the crisis part, with the conversation. */
export function routeMessage(message: string, rules: SafetyRules): RouteDecision {
  const ctx = readMessage(message, rules);
  const crisis = clearCrisisRule(ctx, rules, classifierScore(ctx, rules));
  if (crisis) return { kind: "emergency", rule: crisis };
  return intentOf(ctx, rules);
}

/** Everything after the crisis check: booking, personal advice, off-topic, or a question for retrieval. */
export function routeIntent(message: string, rules: SafetyRules): RouteDecision {
  return intentOf(readMessage(message, rules), rules);
}

function intentOf(ctx: MessageContext, rules: SafetyRules): RouteDecision {
  const booking = firstMatch(rules.booking, ctx);
  if (booking) return { kind: "booking", rule: booking.id };

  const advice = firstMatch(rules.advice, ctx);
  if (advice) return { kind: "personal_advice", rule: advice.id };

  const onTopic = ctx.forms.some((f) => rules.domain.test(f));
  const offTopic = firstMatch(rules.offTopic, ctx, (r) => onTopic && rules.domainExempt.has(r.id));
  if (offTopic) return { kind: "off_topic", rule: offTopic.id };
  // Text smuggled in base64 is not how patients ask questions.
  if (ctx.decoded.length > 0) return { kind: "off_topic", rule: "injection.encoded_payload" };

  return { kind: "question", rule: null };
}
