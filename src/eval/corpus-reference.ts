/**
 * What the eval checks replies against: the approved articles (for verbatim
 * quotes and the passages citations point at) and the clinic's fixed texts
 * (the only words allowed in a reply without a citation). Built from the
 * local corpus, so `--url` runs assume the server serves this same checkout.
 */
import { parseBlocks } from "../ingest/chunk.js";
import type { Clinic } from "../config.js";
import type { Article } from "../types.js";
import { normalizeWhitespace } from "../answer/text.js";
import { DEFAULT_VERIFY, type VerifyOptions } from "../answer/verify.js";

export interface ArticleReference {
  id: string;
  title: string;
  /** Plain text of each block (paragraph or list item), whitespace-normalized. */
  blocks: Array<{ text: string; section: string | null }>;
}

export interface CorpusReference {
  articles: Map<string, ArticleReference>;
  /** Clinic-authored texts (emergency, declines, no-answer…), whitespace-normalized. */
  fixedTexts: string[];
  /** The verifier settings the answerer runs with (thesaurus, lexicon), so groundedness means the same here. */
  verify: VerifyOptions;
}

export function buildCorpusReference(articles: Article[], clinic: Clinic, verify: VerifyOptions = DEFAULT_VERIFY): CorpusReference {
  const refs = new Map<string, ArticleReference>();
  for (const article of articles) {
    if (article.status !== "approved") continue;
    const blocks = parseBlocks(article.body).map((b) => ({ text: b.text, section: b.sectionPath.at(-1) ?? null }));
    refs.set(article.id, { id: article.id, title: article.title, blocks });
  }
  const fixedTexts = [clinic.emergency.text, clinic.emergency.medicalText ?? "", ...Object.values(clinic.replies)].map(normalizeWhitespace).filter((t) => t.length > 0);
  return { articles: refs, fixedTexts, verify };
}

/** The article a citation names, by id, or by exact title when the id is unknown. */
export function findArticle(ref: CorpusReference, citation: { articleId: string; title: string }): ArticleReference | null {
  const byId = ref.articles.get(citation.articleId);
  if (byId) return byId;
  for (const article of ref.articles.values()) if (article.title === citation.title) return article;
  return null;
}

/** Block texts of one section of an article (the passage a citation points at). */
export function sectionText(article: ArticleReference, section: string | null): string[] {
  return article.blocks.filter((b) => b.section === section).map((b) => b.text);
}
