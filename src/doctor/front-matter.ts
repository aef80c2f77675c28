/**
 * Front-matter problems across every article file, all of them at once:
 * files that fail validation (file and field named), duplicate ids and
 * titles, drafts, missing urls, and review dates too old (or in the future).
 */
import { checkArticle } from "../ingest/load-articles.js";
import type { Article } from "../types.js";
import type { Severity } from "./findings.js";

export interface ArticleFile {
  /** Path relative to the corpus folder ("articles/x.md"). */
  file: string;
  text: string;
}

export type FrontMatterKind = "invalid" | "duplicate-id" | "duplicate-title" | "draft" | "missing-url" | "stale-review" | "future-review";

export interface FrontMatterProblem {
  kind: FrontMatterKind;
  severity: Severity;
  file: string;
  field: string | null;
  message: string;
}

export interface FrontMatterOptions {
  now: Date;
  /** A review older than this many months is stale. */
  maxAgeMonths: number;
}

const SEVERITY: Record<FrontMatterKind, Severity> = {
  invalid: "blocking", // the indexer refuses the corpus
  "duplicate-id": "blocking", // the indexer refuses the corpus
  "duplicate-title": "warning",
  "stale-review": "warning",
  "future-review": "warning",
  draft: "info",
  "missing-url": "info",
};

export function monthsBetween(from: string, to: Date): number {
  const d = new Date(`${from}T00:00:00Z`);
  return (to.getUTCFullYear() - d.getUTCFullYear()) * 12 + (to.getUTCMonth() - d.getUTCMonth()) - (to.getUTCDate() < d.getUTCDate() ? 1 : 0);
}

/** Valid articles (the first of any duplicate id wins, as a reader would expect) and every problem found. */
export function checkFrontMatter(files: ArticleFile[], options: FrontMatterOptions): { articles: Article[]; problems: FrontMatterProblem[] } {
  const problems: FrontMatterProblem[] = [];
  const add = (kind: FrontMatterKind, file: string, field: string | null, message: string) => problems.push({ kind, severity: SEVERITY[kind], file, field, message });
  const articles: Article[] = [];
  const byId = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const today = options.now.toISOString().slice(0, 10);
  for (const { file, text } of files) {
    const checked = checkArticle(text, file);
    if (!checked.article) {
      for (const issue of checked.issues) add("invalid", file, issue.field, issue.message);
      continue;
    }
    const a = checked.article;
    const sameId = byId.get(a.id);
    if (sameId) {
      add("duplicate-id", file, "id", `'${a.id}' is already used by ${sameId}; this file is left out`);
      continue;
    }
    byId.set(a.id, file);
    const titleKey = a.title.trim().toLowerCase();
    const sameTitle = byTitle.get(titleKey);
    if (sameTitle) add("duplicate-title", file, "title", `'${a.title}' is also the title of ${sameTitle}; patients cannot tell the citations apart`);
    else byTitle.set(titleKey, file);
    if (a.status === "draft") add("draft", file, "status", "draft: not indexed, patients never see it");
    if (!a.url) add("missing-url", file, "url", "no url: citations cannot link to the article");
    if (a.reviewed > today) add("future-review", file, "reviewed", `reviewed ${a.reviewed} is in the future`);
    else {
      const age = monthsBetween(a.reviewed, options.now);
      if (age >= options.maxAgeMonths) add("stale-review", file, "reviewed", `last reviewed ${a.reviewed}, ${age} months ago (limit ${options.maxAgeMonths})`);
    }
    articles.push(a);
  }
  return { articles, problems };
}
