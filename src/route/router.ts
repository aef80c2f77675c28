/**
 * Deterministic routing, in the order the product promises:
 * emergency → booking → personal advice → off-topic/manipulation → question.
 * Pure: the same message and rules always give the same decision.
 */
import { editDistance, matchForms } from "./normalize.js";
import { crisisScore } from "./classifier.js";
import type { CompiledCombo, CompiledRule, SafetyRules } from "./rules.js";
import { topicTermsIn } from "./topic.js";

export type RouteKind = "emergency" | "booking" | "personal_advice" | "off_topic" | "question";

export interface RouteDecision {
  kind: RouteKind;
  /** The rule that decided (safe to log: never the message). */
  rule: string | null;
}

const FIRST_PERSON = /\b(?:i|im|i m|i am|ive|i ve|id|i d|ill|me|my|mine|myself)\b/i;

interface Context {
  forms: string[];
  personal: boolean;
  /** A question about what the treatment treats or causes, without the writer speaking about themself. */
  informational: boolean;
  /** Only the distant past is told (nothing sounds current). */
  pastOnly: boolean;
}

function firstMatch(rules: CompiledRule[], ctx: Context, skip: (rule: CompiledRule) => boolean = () => false): CompiledRule | null {
  for (const rule of rules) {
    if (skip(rule)) continue;
    const hit = ctx.forms.some((f) => rule.pattern.test(f) && (!rule.requires || rule.requires.test(f)));
    if (hit) return rule;
  }
  return null;
}

/** Whether every concept of the combo occurs within its window in one form (smallest covering window over all occurrences). */
export function comboMatches(combo: CompiledCombo, form: string): boolean {
  const hits: Array<{ at: number; concept: number }> = [];
  combo.concepts.forEach((pattern, concept) => {
    for (const m of form.matchAll(pattern)) hits.push({ at: m.index, concept });
  });
  const need = combo.concepts.length;
  if (new Set(hits.map((h) => h.concept)).size < need) return false;
  hits.sort((a, b) => a.at - b.at);
  const count = new Array<number>(need).fill(0);
  let covered = 0;
  let left = 0;
  for (const hit of hits) {
    if (count[hit.concept]!++ === 0) covered++;
    while (covered === need) {
      if (hit.at - hits[left]!.at <= combo.window) return true;
      if (--count[hits[left]!.concept]! === 0) covered--;
      left++;
    }
  }
  return false;
}

function fuzzyCrisis(forms: string[], words: string[]): boolean {
  for (const form of forms) {
    const tokens = form.split(/[^\p{L}]+/u).filter((t) => t.length > 0);
    // Also adjacent pairs and triples, for "kil my self" → "kilmyself"; short words count once joined.
    const joined = tokens
      .flatMap((t, i) => [t, `${t}${tokens[i + 1] ?? ""}`, `${t}${tokens[i + 1] ?? ""}${tokens[i + 2] ?? ""}`])
      .filter((t) => t.length >= 5);
    for (const token of joined) {
      // Correctly spelled words are the rules' business (with their conditions); this catches typos only.
      if (words.some((w) => token.startsWith(w))) continue;
      for (const word of words) {
        const max = word.length >= 8 ? 2 : 1;
        if (token[0] === word[0] && editDistance(token, word, max) <= max) return true;
      }
    }
  }
  return false;
}

/**
 * Whether the message is about the clinic's topic (or its services) apart
 * from the words the rule matched: "does cold weather make arthritis worse?"
 * is a question for a clinic whose articles discuss arthritis, while "a good
 * recipe for enchiladas" stays a recipe request even when an article mentions a recipe.
 */
function aboutTopicBeyond(rule: CompiledRule, forms: string[], rules: SafetyRules): boolean {
  const everywhere = new RegExp(rule.pattern.source, "giu");
  return forms.some((f) => {
    if (!rule.pattern.test(f)) return false;
    const rest = f.replace(everywhere, " ");
    return topicTermsIn(rest, rules.topic).length > 0 || Boolean(rules.services?.test(rest));
  });
}

export function routeMessage(message: string, rules: SafetyRules): RouteDecision {
  const { forms, decoded } = matchForms(message);
  const firstPerson = forms.some((f) => FIRST_PERSON.test(f));
  const ctx: Context = {
    forms,
    personal: forms.some((f) => rules.personal.test(f)),
    informational: !firstPerson && forms.some((f) => rules.informational.test(f)),
    pastOnly: Boolean(rules.history && forms.some((f) => rules.history!.test(f)) && !forms.some((f) => rules.current?.test(f))),
  };

  const crisis = firstMatch(rules.crisis, ctx, (r) => (r.requiresPersonal && !ctx.personal) || (r.unlessInformational && ctx.informational) || (r.unlessHistory && ctx.pastOnly));
  if (crisis) return { kind: "emergency", rule: crisis.id };
  const combo = rules.crisisCombos.find((c) => !(c.unlessInformational && ctx.informational) && forms.some((f) => comboMatches(c, f)));
  if (combo) return { kind: "emergency", rule: combo.id };
  if (forms.some((f) => crisisScore(rules.crisisModel, f) >= rules.crisisModel.threshold)) return { kind: "emergency", rule: "crisis.classifier" };
  if (!ctx.informational && fuzzyCrisis(forms, rules.fuzzyCrisisWords)) return { kind: "emergency", rule: "crisis.fuzzy" };

  const booking = firstMatch(rules.booking, ctx);
  if (booking) return { kind: "booking", rule: booking.id };

  const advice = firstMatch(rules.advice, ctx);
  if (advice) return { kind: "personal_advice", rule: advice.id };

  const offTopic = firstMatch(rules.offTopic, ctx, (r) => rules.topicExempt.has(r.id) && aboutTopicBeyond(r, forms, rules));
  if (offTopic) return { kind: "off_topic", rule: offTopic.id };
  // Text smuggled in base64 is not how patients ask questions.
  if (decoded.length > 0) return { kind: "off_topic", rule: "injection.encoded_payload" };

  return { kind: "question", rule: null };
}
