/**
 * Reads `corpus/articles/*.md` (YAML front-matter + Markdown body) into
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

/** Parses one article file's text. Pure: `source` is only used in messages. */
export function parseArticle(text: string, source: string): Article {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new CorpusError(`${source}: missing YAML front-matter (the file must start with a '---' block)`);
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { schema: "core" });
  } catch (err) {
    throw new CorpusError(`${source}: front-matter is not valid YAML: ${(err as Error).message}`);
  }
  const parsed = FrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "(front-matter)");
      return `${source}: field '${field}': ${i.message}`;
    });
    throw new CorpusError(issues.join("\n"));
  }
  const body = match[2]!.trim();
  if (!body) throw new CorpusError(`${source}: the article body is empty`);
  const fm = parsed.data;
  return {
    id: fm.id,
    title: fm.title,
    publisher: fm.publisher,
    reviewed: fm.reviewed,
    status: fm.status,
    url: fm.url ?? null,
    body,
    source,
  };
}

/** Loads every `.md` article (all statuses), sorted by file name; duplicate ids are an error. */
export async function loadArticles(articlesDir: string): Promise<Article[]> {
  let names: string[];
  try {
    names = (await readdir(articlesDir)).filter((n) => n.endsWith(".md") && !n.startsWith("_")).sort();
  } catch (err) {
    throw new CorpusError(`Cannot read the articles folder ${articlesDir}: ${(err as Error).message}`);
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
