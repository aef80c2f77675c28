/**
 * Reads a clinic's `articles/*.md` (YAML front-matter + Markdown body) into
 * validated `Article`s. Any problem throws `CorpusError` naming file and field.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { Article } from "../types.js";
import { FrontMatterSchema } from "./article-schema.js";

export class CorpusError extends Error {
  override name = "CorpusError";
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** One problem with an article file; `field` is null when the problem is the file as a whole. */
export interface ArticleIssue {
  field: string | null;
  message: string;
}

export function formatArticleIssue(source: string, issue: ArticleIssue): string {
  return issue.field === null ? `${source}: ${issue.message}` : `${source}: field '${issue.field}': ${issue.message}`;
}

/** Validates one article file's text and reports every problem found, instead of stopping at the first. */
export function checkArticle(text: string, source: string): { article: Article; issues: [] } | { article: null; issues: ArticleIssue[] } {
  const fail = (issues: ArticleIssue[]) => ({ article: null, issues });
  const match = FRONT_MATTER.exec(text);
  if (!match) return fail([{ field: null, message: "missing YAML front-matter (the file must start with a '---' block)" }]);
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { schema: "core" });
  } catch (err) {
    return fail([{ field: null, message: `front-matter is not valid YAML: ${(err as Error).message}` }]);
  }
  const parsed = FrontMatterSchema.safeParse(data ?? {});
  const body = match[2]!.trim();
  const issues: ArticleIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({
        field: i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "(front-matter)"),
        message: i.message,
      }));
  if (!body) issues.push({ field: null, message: "the article body is empty" });
  if (!parsed.success || issues.length > 0) return fail(issues);
  const fm = parsed.data;
  return {
    article: { id: fm.id, title: fm.title, publisher: fm.publisher, reviewed: fm.reviewed, status: fm.status, url: fm.url ?? null, body, source },
    issues: [],
  };
}

/** Parses one article file's text. Pure: `source` is only used in messages. */
export function parseArticle(text: string, source: string): Article {
  const checked = checkArticle(text, source);
  if (!checked.article) throw new CorpusError(checked.issues.map((i) => formatArticleIssue(source, i)).join("\n"));
  return checked.article;
}

/** Loads every `.md` article (all statuses), sorted by file name; duplicate ids are an error. */
export async function loadArticles(articlesDir: string): Promise<Article[]> {
  let names: string[];
  try {
    names = (await readdir(articlesDir)).filter((n) => n.endsWith(".md") && !n.startsWith("_")).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CorpusError(`No articles folder at ${articlesDir}. Fix: create it and put the clinic's articles (<id>.md) in it, or set CLINIC_DIR to the clinic's folder.`);
    throw new CorpusError(`Cannot read the articles folder ${articlesDir} (${code ?? (err as Error).message}).`);
  }
  const articles: Article[] = [];
  for (const name of names) {
    const text = await readFile(path.join(articlesDir, name), "utf8");
    articles.push(parseArticle(text, path.join("articles", name)));
  }
  const seen = new Map<string, string>();
  for (const a of articles) {
    const other = seen.get(a.id);
    if (other) throw new CorpusError(`${a.source}: field 'id': '${a.id}' is already used by ${other}`);
    seen.set(a.id, a.source);
  }
  return articles;
}

export function approvedArticles(articles: Article[]): Article[] {
  return articles.filter((a) => a.status === "approved");
}
