/**
 * Import pipeline: files' bytes in, article files' text out. Pure apart from
 * parsing; reading and writing files is the CLI's job (scripts/import.ts).
 *
 * reader (html | docx | text) → line chrome → batch boilerplate → trailing
 * call to action → title and heading levels → front-matter + Markdown,
 * checked with the corpus loader's own parser.
 */
import path from "node:path";
import { CorpusError, parseArticle } from "../load-articles.js";
import { removeBoilerplate, removeLineChrome, removeTrailingCallToAction } from "./chrome.js";
import { ImportError, type Block, type RawDocument, type Removal } from "./model.js";
import { readDocx } from "./read-docx.js";
import { readHtml } from "./read-html.js";
import { readText } from "./read-text.js";
import { renderArticle, slugify } from "./render.js";
import { structureDocument } from "./structure.js";

export { ImportError } from "./model.js";
export type { Removal } from "./model.js";

export const SUPPORTED_EXTENSIONS = [".html", ".htm", ".docx", ".txt"] as const;

export interface ImportInput {
  /** Path of the file, for messages and its extension. */
  source: string;
  bytes: Buffer;
  /** Overrides the batch publisher for this file. */
  publisher?: string;
}

export interface ImportOptions {
  /** Publisher for every file (overrides og:site_name); required when a page does not name its site. */
  publisher?: string;
  /** ISO date written as `reviewed` until staff review the article. */
  today: string;
}

export interface ImportedArticle {
  source: string;
  id: string;
  title: string;
  url: string | null;
  publisher: string;
  /** The complete article file: front-matter and body. */
  text: string;
  removed: Removal[];
  counts: { headings: number; paragraphs: number; listItems: number };
  /** The draft's `reviewed` date: the one the page states about itself (its words in `fromPage`), else the import date. */
  reviewed: { date: string; fromPage: string | null };
  /** How the reader found the text, when staff should check it (see RawDocument.note). */
  note: string | null;
  /** The same, one remark per entry. */
  notes: string[];
}

export interface ImportResult {
  articles: ImportedArticle[];
  /** One line per failed file, naming it. */
  errors: string[];
}

export function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** UTF-8 unless the page declares another charset; a UTF-8 byte-order mark is dropped. */
function decode(bytes: Buffer, html: boolean): string {
  let label = "utf-8";
  if (html) {
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString("latin1"));
    if (declared) label = declared[1]!.toLowerCase();
  }
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

async function read(input: ImportInput): Promise<{ doc: RawDocument; removed: Removal[] }> {
  const ext = path.extname(input.source).toLowerCase();
  if (!isSupported(input.source)) {
    throw new ImportError(`${input.source}: unsupported file type '${ext || "(none)"}' (expected ${SUPPORTED_EXTENSIONS.join(", ")})`);
  }
  if (input.bytes.length === 0 || (ext !== ".docx" && !decode(input.bytes, false).trim())) throw new ImportError(`${input.source}: the file is empty`);
  if (ext === ".docx") return readDocx(input.bytes, input.source).then((r) => ({ doc: r.document, removed: r.removed }));
  if (ext === ".txt") return { doc: readText(decode(input.bytes, false), input.source), removed: [] };
  const r = readHtml(decode(input.bytes, true), input.source);
  return { doc: r.document, removed: r.removed };
}

function count(blocks: Block[]): ImportedArticle["counts"] {
  return {
    headings: blocks.filter((b) => b.kind === "heading").length,
    paragraphs: blocks.filter((b) => b.kind === "paragraph").length,
    listItems: blocks.reduce((n, b) => n + (b.kind === "list" ? b.items.length : 0), 0),
  };
}

export async function importFiles(inputs: ImportInput[], options: ImportOptions): Promise<ImportResult> {
  const errors: string[] = [];
  const fail = (err: unknown, source: string) =>
    errors.push(err instanceof ImportError ? err.message : `${source}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);

  const read1: Array<{ input: ImportInput; doc: RawDocument; publisher: string; removed: Removal[] }> = [];
  for (const input of inputs) {
    try {
      const { doc, removed } = await read(input);
      const publisher = input.publisher ?? options.publisher ?? doc.siteName;
      if (!publisher) throw new ImportError(`${input.source}: the page does not name its site; pass --publisher "<clinic name>"`);
      const lines = removeLineChrome(doc.blocks, input.source);
      read1.push({ input, doc: { ...doc, blocks: lines.blocks }, publisher, removed: [...removed, ...lines.removed] });
    } catch (err) {
      fail(err, input.source);
    }
  }

  // Pages of one site: same host when the page names its URL, else same publisher.
  const site = (r: (typeof read1)[number]) => (r.doc.url ? new URL(r.doc.url).host : `publisher:${r.publisher.toLowerCase()}`);
  const shared = removeBoilerplate(read1.map((r) => ({ source: r.input.source, site: site(r), blocks: r.doc.blocks })));

  const articles: ImportedArticle[] = [];
  read1.forEach((r, i) => {
    try {
      const source = r.input.source;
      const tail = removeTrailingCallToAction(shared[i]!.blocks, source);
      const s = structureDocument(tail.blocks, r.doc.title, source);
      if (!s.blocks.some((b) => b.kind !== "heading")) throw new ImportError(`${source}: no article text left after removing site chrome`);
      if (!s.title) throw new ImportError(`${source}: no title found (expected a <title>, og:title, heading or first line)`);
      const id = slugify(s.title);
      if (!id) throw new ImportError(`${source}: the title '${s.title}' gives an empty id`);
      const stated = r.doc.reviewed;
      const text = renderArticle(
        { id, title: s.title, publisher: r.publisher, reviewed: stated?.date ?? options.today, ...(stated ? { reviewedFromPage: stated.text } : {}), url: r.doc.url },
        s.blocks,
      );
      parseArticle(text, source); // the corpus loader must accept what we write
      articles.push({
        source,
        id,
        title: s.title,
        url: r.doc.url,
        publisher: r.publisher,
        text,
        removed: [...r.removed, ...shared[i]!.removed, ...tail.removed, ...s.removed],
        counts: count(s.blocks),
        reviewed: stated ? { date: stated.date, fromPage: stated.text } : { date: options.today, fromPage: null },
        note: r.doc.note ?? null,
        notes: r.doc.notes ?? (r.doc.note ? [r.doc.note] : []),
      });
    } catch (err) {
      fail(err instanceof CorpusError ? new ImportError(err.message.split("\n")[0]!) : err, r.input.source);
    }
  });

  const byId = new Map<string, string>();
  for (const a of articles) {
    const other = byId.get(a.id);
    if (other) errors.push(`${a.source}: same title, and so the same id '${a.id}', as ${other}`);
    else byId.set(a.id, a.source);
  }
  return { articles, errors };
}
