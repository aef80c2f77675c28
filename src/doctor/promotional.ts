/** Every sentence the index tags as promotional, with the rule that tagged it. */
import type { PromoMatch, PromoMatcher } from "../ingest/promotional.js";
import type { Article } from "../types.js";
import { articleSentences } from "./corpus-text.js";

export interface PromotionalSentence {
  articleId: string;
  sectionPath: string[];
  sentence: string;
  match: PromoMatch;
  /** The rule in words: the pattern as written in promotional.yaml, or the publisher name. */
  rule: string;
}

export function describeMatch(match: PromoMatch): string {
  return match.kind === "pattern" ? `pattern #${match.index + 1} /${match.pattern}/${match.flags}` : `names the publisher "${match.marker}"`;
}

export function promotionalSentences(articles: Article[], promo: PromoMatcher): PromotionalSentence[] {
  return articles.flatMap((a) =>
    articleSentences(a).flatMap((s) => {
      const match = promo.match(s.text);
      return match ? [{ articleId: a.id, sectionPath: s.sectionPath, sentence: s.text, match, rule: describeMatch(match) }] : [];
    }),
  );
}
