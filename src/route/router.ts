/**
 * Deterministic routing, in the order the product promises:
 * emergency → booking → personal advice → off-topic/manipulation → question.
 * Pure: the same message and rules always give the same decision.
 */
import { classifierScore, clearCrisisRule, firstMatch, readMessage, type MessageContext } from "./crisis.js";
import type { CompiledRule, SafetyRules } from "./rules.js";
import { topicTermsIn } from "./topic.js";

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

  const offTopic = firstMatch(rules.offTopic, ctx, (r) => rules.topicExempt.has(r.id) && aboutTopicBeyond(r, ctx.forms, rules));
  if (offTopic) return { kind: "off_topic", rule: offTopic.id };
  // Text smuggled in base64 is not how patients ask questions.
  if (ctx.decoded.length > 0) return { kind: "off_topic", rule: "injection.encoded_payload" };

  return { kind: "question", rule: null };
}

/**
 * Whether the message is about the clinic's topic once the words that
 * triggered an exempt off-topic rule are removed: "does cold weather make my
 * arthritis worse?" is a question where the articles talk about arthritis,
 * while "a recipe for enchiladas" stays off-topic though "recipe" is a corpus word.
 */
function aboutTopicBeyond(rule: CompiledRule, forms: string[], rules: SafetyRules): boolean {
  const everywhere = new RegExp(rule.pattern.source, "giu");
  return forms.some((f) => {
    if (!rule.pattern.test(f)) return false;
    const rest = f.replace(everywhere, " ");
    return topicTermsIn(rest, rules.topic).length > 0 || Boolean(rules.services?.test(rest));
  });
}
