/**
 * The crisis detectors over one message: phrase rules, concept combinations,
 * the logistic model and typo-tolerant words (corpus/defaults/safety/crisis.yaml,
 * crisis-model.json). Pure; `risk.ts` turns what they find into a level.
 */
import { crisisScore } from "./classifier.js";
import { editDistance, matchForms } from "./normalize.js";
import type { CompiledCombo, CompiledRule, SafetyRules } from "./rules.js";

const FIRST_PERSON = /\b(?:i|im|i m|i am|ive|i ve|id|i d|ill|me|my|mine|myself)\b/i;

/** One message in the normalized forms every pattern is matched against, and how it is framed. */
export interface MessageContext {
  forms: string[];
  /** Base64 payloads found in the message, decoded. */
  decoded: string[];
  personal: boolean;
  /** A question about what the treatment treats or causes, without the writer speaking about themself. */
  informational: boolean;
  /** Only the distant past is told (nothing sounds current). */
  pastOnly: boolean;
}

export function readMessage(message: string, rules: SafetyRules): MessageContext {
  const { forms, decoded } = matchForms(message);
  const firstPerson = forms.some((f) => FIRST_PERSON.test(f));
  return {
    forms,
    decoded,
    personal: forms.some((f) => rules.personal.test(f)),
    informational: !firstPerson && forms.some((f) => rules.informational.test(f)),
    pastOnly: Boolean(rules.history && forms.some((f) => rules.history!.test(f)) && !forms.some((f) => rules.current?.test(f))),
  };
}

export function firstMatch(rules: CompiledRule[], ctx: MessageContext, skip: (rule: CompiledRule) => boolean = () => false): CompiledRule | null {
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

/** The classifier's highest score over the message's forms. */
export function classifierScore(ctx: MessageContext, rules: SafetyRules): number {
  return Math.max(0, ...ctx.forms.map((f) => crisisScore(rules.crisisModel, f)));
}

/**
 * The rule that calls this message a clear crisis, or null. Phrase rules,
 * then combos, then the classifier (at `risk.yaml` classifier.clear), then typos.
 */
export function clearCrisisRule(ctx: MessageContext, rules: SafetyRules, score: number): string | null {
  const crisis = firstMatch(rules.crisis, ctx, (r) => (r.requiresPersonal && !ctx.personal) || (r.unlessInformational && ctx.informational) || (r.unlessHistory && ctx.pastOnly));
  if (crisis) return crisis.id;
  const combo = rules.crisisCombos.find((c) => !(c.unlessInformational && ctx.informational) && ctx.forms.some((f) => comboMatches(c, f)));
  if (combo) return combo.id;
  if (score >= rules.risk.classifierClear) return "crisis.classifier";
  if (!ctx.informational && fuzzyCrisis(ctx.forms, rules.fuzzyCrisisWords)) return "crisis.fuzzy";
  return null;
}
