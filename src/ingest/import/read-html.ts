/**
 * Saved web pages → blocks. `@mozilla/readability` finds the main content,
 * `turndown` turns it into Markdown, `markdown-blocks.ts` into blocks. Title
 * and canonical URL come from the page's metadata before Readability
 * rewrites the document.
 */
import { parseHTML } from "linkedom";
import TurndownService from "turndown";
import { cleanLine, elementText, lineKey } from "./lines.js";
import { extractMainContent, proseWords } from "./main-content.js";
import { countRemoval, removeMarkedChrome } from "./marked-chrome.js";
import { markedModifiedDate, statedReviewDate } from "./page-dates.js";
import { expandAccordions, labelText, tablesToLists } from "./page-widgets.js";
import { markdownToBlocks } from "./markdown-blocks.js";
import { isFullSentence } from "./prose.js";
import { blockTexts, type RawDocument, type Removal, type SourceFormat } from "./model.js";

/** Elements that are never article content: navigation, page furniture, forms. */
const CHROME_SELECTOR = [
  "nav",
  "aside",
  "footer",
  "form",
  "dialog",
  "button",
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
].join(", ");

function createTurndown(): TurndownService {
  const td = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", hr: "---", codeBlockStyle: "fenced" });
  td.remove(["script", "style", "noscript", "template", "iframe", "button", "form", "input", "select", "textarea"]);
  td.remove((node) => node.nodeName.toLowerCase() === "svg");
  // Articles are stored as plain text with block structure: links keep their
  // words, images and inline emphasis add nothing a patient's answer can use.
  td.addRule("link-text", { filter: "a", replacement: (content) => content });
  td.addRule("no-images", { filter: ["img", "picture", "figure"], replacement: (content, node) => ((node as Element).nodeName === "FIGURE" ? `\n\n${content}\n\n` : "") });
  td.addRule("plain-inline", { filter: ["strong", "b", "em", "i", "u", "mark", "small", "span", "code"], replacement: (content) => content });
  return td;
}

function absoluteHttpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function meta(document: Document, key: string): string | null {
  const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const value = el?.getAttribute("content");
  return value ? cleanLine(value) || null : null;
}

/** "Article title | Clinic name" → "Article title" (page titles often carry the site's name). */
function withoutSiteSuffix(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const m = /^(.+?)\s+[-|–—·]\s+(.+)$/.exec(title);
  return m && m[2]!.toLowerCase() === siteName.toLowerCase() ? m[1]! : title;
}

/**
 * The page's own heading: its <h1> (the first that is not the site's name,
 * as in old themes' logos). Null when the page has none.
 */
function onPageTitle(document: Document, siteName: string | null): string | null {
  for (const h of Array.from(document.querySelectorAll("h1"))) {
    const text = elementText(h);
    if (text && (!siteName || lineKey(text) !== lineKey(siteName)) && !h.closest("header nav, nav, footer")) return text;
  }
  return null;
}

export interface HtmlReadOptions {
  /** Run Readability to find the main content (web pages); off for documents that are all content (.docx). */
  extract: boolean;
  format?: SourceFormat;
}

export interface HtmlReadResult {
  document: RawDocument;
  /** Whole elements dropped before extraction (nav, footer, forms, …). */
  removed: Removal[];
}

export function readHtml(html: string, source: string, options: HtmlReadOptions = { extract: true }): HtmlReadResult {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const ogUrl = absoluteHttpUrl(meta(document, "og:url"));
  const canonical = absoluteHttpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute("href"), ogUrl ?? undefined);
  const firstH1 = cleanLine(document.querySelector("h1")?.textContent ?? "") || null;
  const pageTitle = cleanLine(document.querySelector("title")?.textContent ?? "") || null;
  const metaTitle = meta(document, "og:title") ?? meta(document, "twitter:title");
  const siteName = meta(document, "og:site_name") ?? meta(document, "application-name");

  const turndown = createTurndown();
  const toBlocks = (html: string) => markdownToBlocks(turndown.turndown(html));
  const removed: Removal[] = [];
  const notes: string[] = [];
  // Read before anything is removed: the review date often sits in a byline or footer that goes as chrome.
  const reviewed = options.extract ? (statedReviewDate(toBlocks(document.body?.innerHTML ?? "").flatMap(blockTexts)) ?? markedModifiedDate(document)) : null;
  const h1 = onPageTitle(document, siteName);

  expandAccordions(document);
  // A button inside a heading that opens nothing found above is still the heading's words.
  for (const button of Array.from(document.querySelectorAll("h1 button, h2 button, h3 button, h4 button, h5 button, h6 button"))) {
    button.replaceWith(document.createTextNode(labelText(button)));
  }
  tablesToLists(document);
  for (const el of Array.from(document.querySelectorAll(CHROME_SELECTOR))) {
    if (!el.isConnected) continue; // inside an element removed already
    const text = markdownToBlocks(turndown.turndown(el.outerHTML)).flatMap(blockTexts).join(" · ") || elementText(el);
    if (text) removed.push({ source, text, reason: `page <${el.tagName.toLowerCase()}>` });
    countRemoval(el);
    el.remove();
  }
  if (options.extract) {
    removed.push(...removeMarkedChrome(document, source, { pageProseWords: proseWords(toBlocks(document.body?.innerHTML ?? "")) }));
  }
  const wholePage = options.extract ? toBlocks(document.body?.innerHTML ?? "") : [];
  const main = options.extract ? extractMainContent(document, toBlocks) : null;
  const blocks = main ? main.blocks : toBlocks(document.body?.innerHTML ?? "");
  const readabilityTitle = main?.title ? cleanLine(main.title) || null : null;
  if (main?.note) notes.push(main.note);
  // The heading patients see on the page names the article; og:title is often an SEO variant of it.
  const metaOrPage = withoutSiteSuffix(metaTitle ?? readabilityTitle ?? pageTitle, siteName);
  const title = h1 ?? metaOrPage ?? withoutSiteSuffix(firstH1, siteName);
  if (h1 && metaOrPage && lineKey(h1) !== lineKey(metaOrPage)) notes.push(`title taken from the page's <h1>; the page's metadata title differs: ${JSON.stringify(metaOrPage)}`);
  // Report what main-content extraction left out, so staff see everything that was dropped.
  const kept = new Set([...blocks.flatMap(blockTexts), title ?? ""].map(lineKey));
  let sentencesLeftOut = 0;
  for (const text of wholePage.flatMap(blockTexts)) {
    if (kept.has(lineKey(text))) continue;
    removed.push({ source, text, reason: "outside the main content" });
    if (isFullSentence(text)) sentencesLeftOut++;
  }
  if (sentencesLeftOut > 0) {
    notes.push(`${sentencesLeftOut} full-sentence paragraph${sentencesLeftOut === 1 ? " was" : "s were"} left out as outside the main content (listed below): check that none is article text`);
  }
  return {
    document: {
      source,
      format: options.format ?? "html",
      title,
      url: canonical ?? ogUrl,
      siteName,
      blocks,
      ...(notes.length > 0 ? { note: notes.join("; "), notes } : {}),
      ...(reviewed ? { reviewed } : {}),
    },
    removed,
  };
}
