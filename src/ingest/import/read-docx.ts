/** Word documents → HTML with `mammoth` → the same path as web pages (without main-content extraction). */
import mammoth from "mammoth";
import { readHtml, type HtmlReadResult } from "./read-html.js";
import { ImportError } from "./model.js";

/** Word's "Title" style is the document's title; mammoth leaves it a paragraph by default. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

export async function readDocx(bytes: Buffer, source: string): Promise<HtmlReadResult> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP })).value;
  } catch (err) {
    throw new ImportError(`${source}: not a readable Word document (${(err as Error).message.split("\n")[0]})`);
  }
  const result = readHtml(html, source, { extract: false, format: "docx" });
  // A .docx has no <title>; the first level-1 heading is its title (structure.ts picks it).
  return { ...result, document: { ...result.document, title: null } };
}
