/**
 * The sentences of an article as the doctor's checks read them: one entry per
 * sentence with its section path, in reading order. Uses the same block and
 * sentence splitting as chunking, so "a sentence" means the same thing here as
 * in the index.
 */
import { splitSentences } from "../answer/text.js";
import { parseBlocks } from "../ingest/chunk.js";
import type { Article } from "../types.js";

export interface ArticleSentence {
  articleId: string;
  /** Headings from the outermost down; empty before the first heading. */
  sectionPath: string[];
  /** Index of the block (paragraph or list item) in the article. */
  block: number;
  text: string;
}

export function articleSentences(article: Article): ArticleSentence[] {
  return parseBlocks(article.body).flatMap((b, block) =>
    splitSentences(b.text).map((text) => ({ articleId: article.id, sectionPath: b.sectionPath, block, text })),
  );
}

/** How staff see a section: its heading path, or "(introduction)" for text before the first heading. */
export function sectionLabel(path: readonly string[]): string {
  return path.length > 0 ? path.join(" › ") : "(introduction)";
}
