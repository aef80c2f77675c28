/** Cleaned document → article file text (YAML front-matter + Markdown body) in the corpus format. */
import { stringify } from "yaml";
import type { Block } from "./model.js";

const MAX_ID_LENGTH = 80;

/** "Flu Vaccines: Who Needs One?" → "flu-vaccines-who-needs-one" (the schema's id slug). */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH);
  return cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
}

/** Corpus style: a blank line between blocks and between list items. */
export function renderBody(title: string, blocks: Block[]): string {
  const parts = [`# ${title}`];
  for (const block of blocks) {
    if (block.kind === "heading") parts.push(`${"#".repeat(block.level ?? 2)} ${block.text}`);
    else if (block.kind === "paragraph") parts.push(block.text);
    else parts.push(...block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`)));
  }
  return `${parts.join("\n\n")}\n`;
}

export interface ArticleMeta {
  id: string;
  title: string;
  publisher: string;
  /** ISO date; the import date until staff review the article. */
  reviewed: string;
  /** Set when `reviewed` is the date the page states about itself: the page's words. */
  reviewedFromPage?: string;
  url: string | null;
}

/** A YAML scalar: plain when YAML allows it, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trim();
}

export function renderArticle(meta: ArticleMeta, blocks: Block[]): string {
  const lines = [
    `id: ${meta.id}`,
    `title: ${JSON.stringify(meta.title)}`, // corpus style: the title verbatim, always quoted
    `publisher: ${scalar(meta.publisher)}`,
    meta.reviewedFromPage
      ? `reviewed: ${meta.reviewed} # from the page (${JSON.stringify(meta.reviewedFromPage).replace(/#/g, "")}): confirm when approving`
      : `reviewed: ${meta.reviewed} # import date: set to the review date when approving`,
    "status: draft # imported: change to approved once staff have checked it",
    ...(meta.url ? [`url: ${scalar(meta.url)}`] : []),
  ];
  return `---\n${lines.join("\n")}\n---\n${renderBody(meta.title, blocks)}`;
}
