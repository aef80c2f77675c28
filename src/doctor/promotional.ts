/** Every sentence the index tags as promotional, with the rule that tagged it. */
import type { PromoMatch, PromoMatcher } from "../ingest/promotional.js";
import type { Article } from "../types.js";
import { articleSentences } from "./corpus-text.js";

export interface PromotionalSentence {
  articleId: string;
  sectionPath: string[];
  sentence: string;
  match: PromoMatch;
  /** The rule in words: the pattern as written in promotional.yaml, or what the sentence does and the words that show it. */
  rule: string;
}

const FUNCTION_LABELS: Record<Extract<PromoMatch, { kind: "function" }>["rule"], string> = {
  "imperative-book": "asks the reader to book",
  "imperative-contact": "asks the reader to get in touch",
  offer: "offers the publisher's help",
  commitment: "the publisher's mission statement",
};

export function describeMatch(match: PromoMatch): string {
  if (match.kind === "pattern") return `pattern #${match.index + 1} /${match.pattern}/${match.flags}`;
  return `${FUNCTION_LABELS[match.rule]} ("${match.cue}")`;
}

export function promotionalSentences(articles: Article[], promo: PromoMatcher): PromotionalSentence[] {
  return articles.flatMap((a) =>
    articleSentences(a).flatMap((s) => {
      const match = promo.match(s.text);
      return match ? [{ articleId: a.id, sectionPath: s.sectionPath, sentence: s.text, match, rule: describeMatch(match) }] : [];
    }),
  );
}
