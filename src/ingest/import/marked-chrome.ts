/**
 * Page parts that the markup itself marks as not the article, found by
 * structure rather than by wording, so that any CMS's pages are read alike
 * (WordPress themes, Elementor, Webflow, Drupal, HubSpot):
 *
 * 1. class/id/role tokens: breadcrumb, toc, related, author/bio/byline,
 *    share/social, sidebar, widget areas, newsletter, comments, tags, post
 *    meta, pagination, screen-reader-only text;
 * 2. link runs: a list whose every item is only a link, a paragraph made of
 *    several links and nothing else (a table of contents), a heading that is
 *    a link to another page (a post teaser);
 * 3. controls and the promo blocks around them: a button (or a link styled
 *    as one) goes with the largest box around it that holds no more than a
 *    sentence or two ("Struggling with your mask? … [Book a fitting]",
 *    "Meet our doctors … [Meet the team]").
 *
 * Nothing that holds a large share of the page's prose is ever removed
 * (a layout wrapper named "has-sidebar" around the article stays).
 */
import { elementText, wordCount } from "./lines.js";
import type { Removal } from "./model.js";
import { isFullSentence, isProse } from "./prose.js";
import { labelText } from "./page-widgets.js";

/** An element holding this share of the page's prose or more is (or contains) the article. */
const MAX_SHARE_OF_PAGE = 0.4;
/** A promo box around a button holds at most this many words of sentences. */
const PROMO_MAX_PROSE_WORDS = 30;

/** Tokens that mark chrome wherever they appear in a class or id ("hs-breadcrumb-menu", "sticky-sidebar", "author-box"). */
const CHROME_TOKENS = new Set([
  "breadcrumb", "breadcrumbs", "crumbs", "toc", "related", "author", "authors", "bio", "byline", "share", "sharing",
  "sharedaddy", "social", "sidebar", "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent",
  "gdpr", "comments", "respond", "pagination", "pager", "tags", "taxonomy", "advert", "advertisement",
  "sponsor", "sponsored", "topbar",
]);
/** Tokens that mark chrome only as the last part of a name ("entry-meta", "blog-post__meta", not "hs_meta_field"). */
const CHROME_LAST_TOKENS = new Set(["meta", "metadata", "submitted"]);
/** Consecutive token pairs ("post-info", "table-of-contents", "post-navigation"). */
const CHROME_PAIRS = ["post info", "meta data", "of contents", "post nav", "post navigation", "nav links", "skip link", "cat links", "reading time", "read time", "top bar"];
/** Whole class names for text only screen readers see. */
const SCREEN_READER = new Set(["sr-only", "screen-reader-text", "visually-hidden", "element-invisible", "element-hidden", "screen-reader-only", "hidden-text"]);
const ROLE_CHROME = new Set(["doc-toc", "doc-pagelist"]);

function tokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Why an element's class, id or role marks it as chrome, or null. */
export function markedChromeReason(el: Element): string | null {
  const names = [...(el.getAttribute("class") ?? "").split(/\s+/), el.getAttribute("id") ?? ""].filter(Boolean);
  const role = el.getAttribute("role") ?? "";
  if (ROLE_CHROME.has(role)) return `role "${role}"`;
  for (const name of names) {
    if (SCREEN_READER.has(name.toLowerCase())) return `screen-reader-only "${name}"`;
    const t = tokens(name);
    if (t.length === 0) continue;
    // "widget" alone is every Elementor/HubSpot module; a WordPress widget area names it first.
    if (t[0] === "widget" && (t.length === 1 || name.includes("_")) && !name.includes("elementor")) return `marked "${name}"`;
    if (t.some((w) => CHROME_TOKENS.has(w))) return `marked "${name}"`;
    if (CHROME_LAST_TOKENS.has(t[t.length - 1]!)) return `marked "${name}"`;
    const joined = ` ${t.join(" ")} `;
    if (CHROME_PAIRS.some((p) => joined.includes(` ${p} `))) return `marked "${name}"`;
  }
  return null;
}

const BLOCK_TAGS = new Set(["P", "LI", "DD", "DT", "BLOCKQUOTE", "TD", "TH", "FIGCAPTION", "DIV", "SECTION", "ARTICLE", "H1", "H2", "H3", "H4", "H5", "H6", "SUMMARY", "ADDRESS"]);

/** Words in sentence-length lines of an element (each block element's own text), chrome lines excluded. */
export function elementProseWords(root: Element, sentencesOnly = false): number {
  let total = 0;
  const visit = (el: Element) => {
    let own = "";
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) own += node.textContent ?? "";
      else if (node.nodeType === 1) {
        const child = node as Element;
        if (BLOCK_TAGS.has(child.tagName)) {
          visit(child);
        } else if (child.tagName === "BR") {
          own += "\n";
        } else {
          // Inline element: its text is part of this block, its block descendants are visited.
          if (child.querySelector(Array.from(BLOCK_TAGS).join(","))) visit(child);
          else own += child.textContent ?? "";
        }
      }
    }
    if (/^H[1-6]$/.test(el.tagName)) return;
    for (const line of own.split("\n")) {
      const text = elementText({ textContent: line });
      if (sentencesOnly ? isFullSentence(text) : isProse(text)) total += wordCount(text);
    }
  };
  visit(root);
  return total;
}

function isLinkOnly(el: Element): boolean {
  const text = elementText(el);
  if (!text) return false;
  const linkText = Array.from(el.querySelectorAll("a"))
    .map(elementText)
    .join(" ");
  return wordCount(linkText) >= wordCount(text); // every word is inside a link (separators are not words)
}

function linksToPage(a: Element): boolean {
  const href = a.getAttribute("href") ?? "";
  return href !== "" && !href.startsWith("#") && !/^(?:javascript|tel|mailto):/i.test(href);
}

/** `<button>`, `role="button"`, or a link styled as a button ("btn", "elementor-button", "cta_button"). */
function isControl(el: Element): boolean {
  if (el.tagName === "BUTTON" || el.getAttribute("role") === "button") return true;
  if (el.tagName === "INPUT") return /^(?:submit|button)$/i.test(el.getAttribute("type") ?? "");
  if (el.tagName !== "A") return false;
  const names = (el.getAttribute("class") ?? "").split(/\s+/).flatMap(tokens);
  return names.some((t) => t === "button" || t === "btn" || t === "cta");
}

export interface MarkedChromeOptions {
  /** Prose words of the whole page: nothing holding MAX_SHARE_OF_PAGE of them is removed. */
  pageProseWords: number;
}

/** Removes the page parts its markup marks as chrome; reports each with its reason. */
export function removeMarkedChrome(document: Document, source: string, options: MarkedChromeOptions): Removal[] {
  const removed: Removal[] = [];
  const limit = Math.max(PROMO_MAX_PROSE_WORDS + 1, MAX_SHARE_OF_PAGE * options.pageProseWords);
  const keepsArticle = (el: Element) => ["HTML", "BODY", "MAIN"].includes(el.tagName) || el.querySelector("main") !== null || elementProseWords(el) >= limit;
  const drop = (el: Element, reason: string) => {
    const text = elementText(el);
    if (text) removed.push({ source, text, reason });
    countRemoval(el);
    el.remove();
  };
  const body = document.body;
  if (!body) return removed;

  // 1. Marked by class, id or role.
  for (const el of Array.from(body.querySelectorAll("*"))) {
    if (!el.isConnected || el === body) continue;
    const reason = markedChromeReason(el);
    if (reason && !keepsArticle(el)) drop(el, reason);
  }

  // 2. Link runs.
  for (const list of Array.from(body.querySelectorAll("ul, ol"))) {
    if (!list.isConnected) continue;
    const items = Array.from(list.children).filter((c) => c.tagName === "LI");
    if (items.length >= 2 && items.every((li) => isLinkOnly(li) && Array.from(li.querySelectorAll("a")).some(linksToPage)) && !keepsArticle(list)) {
      drop(list, "list of links");
    }
  }
  for (const el of Array.from(body.querySelectorAll("p, div"))) {
    if (!el.isConnected || el.querySelector("p, div, ul, ol, h1, h2, h3, h4, h5, h6")) continue;
    if (el.querySelectorAll("a").length >= 3 && isLinkOnly(el) && !keepsArticle(el)) drop(el, "run of links");
  }
  for (const h of Array.from(body.querySelectorAll("h2, h3, h4, h5, h6"))) {
    if (!h.isConnected) continue;
    const links = Array.from(h.querySelectorAll("a"));
    if (links.length > 0 && links.some(linksToPage) && isLinkOnly(h)) drop(h, "heading that links to another page");
  }

  // 3. Controls, with the promo box around them.
  for (const control of Array.from(body.querySelectorAll('button, [role="button"], a, input'))) {
    if (!control.isConnected || !isControl(control)) continue;
    let box = control;
    while (box.parentElement && box.parentElement !== body && !["MAIN", "ARTICLE"].includes(box.parentElement.tagName)) {
      const parent = box.parentElement;
      if (elementProseWords(parent) > PROMO_MAX_PROSE_WORDS || keepsArticle(parent)) break;
      box = parent;
    }
    // A call to action written as a sentence in the article's flow (a callout with no heading of its own) stays:
    // the indexer tags it as promotional. A promo block has its own heading ("Meet our doctors").
    const promoBlock = box !== control && (box.querySelector("h1, h2, h3, h4, h5, h6") !== null || elementProseWords(box, true) === 0);
    if (!promoBlock) {
      const label = labelText(control);
      if (label) removed.push({ source, text: label, reason: "page control" });
      control.remove();
    } else {
      drop(box, `box around a button ("${labelText(control)}")`);
    }
  }
  // 4. What is left of a box that held two or more removed parts (an author box and a
  //    newsletter form in a side column) and little prose of its own is that box's leftover.
  for (const el of Array.from(body.querySelectorAll(`[${REMOVED_COUNT}]`))) {
    if (!el.isConnected || Number(el.getAttribute(REMOVED_COUNT)) < 2) continue;
    if (["MAIN", "ARTICLE"].includes(el.tagName) || elementProseWords(el) > PROMO_MAX_PROSE_WORDS || keepsArticle(el)) continue;
    drop(el, "rest of a box whose other parts were chrome");
  }
  return removed;
}

const REMOVED_COUNT = "data-import-removed";

/** Counts, on every ancestor, the chrome boxes removed from inside it (call before removing `el`). */
export function countRemoval(el: Element): void {
  for (let a = el.parentElement; a && a.tagName !== "BODY"; a = a.parentElement) a.setAttribute(REMOVED_COUNT, String(Number(a.getAttribute(REMOVED_COUNT) ?? 0) + 1));
}
