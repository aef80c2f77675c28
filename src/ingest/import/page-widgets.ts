/**
 * Page widgets whose meaning lives in markup that Markdown cannot carry,
 * rewritten in the DOM before anything else reads the page:
 *
 * - accordions (`<details><summary>`, and `role="button"` / `<button
 *   aria-expanded>` triggers with a collapsed panel): the question becomes a
 *   heading and its panel is un-hidden, whatever the CMS (WordPress blocks,
 *   Elementor, HubSpot, Webflow, Bootstrap);
 * - data tables: each row becomes one list item that names its row and
 *   column headers ("Typical wait: Home test – 1 to 2 weeks; Lab study – 4
 *   to 8 weeks"). The chunker keeps a list item whole and the extractive
 *   answerer quotes whole units, so a row item is a quotable, self-contained
 *   statement; a Markdown table row ("| Typical wait | 1 to 2 weeks | 4 to 8
 *   weeks |") means nothing without its header line and would be chunked as
 *   a run-on paragraph.
 */
import { elementText, wordCount } from "./lines.js";

const HEADING_TAGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);
/** Expand/collapse glyphs that accordions print next to the question. */
const ICON_EDGES = /^[\s+−–\-×✕✖▾▼▲▴►▸›»⌄⌃◂◀❯❮⊕⊖]+|[\s+−–\-×✕✖▾▼▲▴►▸›»⌄⌃◂◀❯❮⊕⊖]+$/g;
/** Marks a heading made from (or holding) an accordion question: the next question sits at its level, not under it. */
const QUESTION_HEADING = "data-import-question-heading";
/** A panel must hold at least this many words to be an answer (a menu toggle controls a few links). */
const PANEL_MIN_WORDS = 6;

/** An element's visible words: icons (`aria-hidden`, `<i>`, `<svg>`) and expand/collapse glyphs left out. */
export function labelText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const icon of Array.from(clone.querySelectorAll('[aria-hidden="true"], i, svg, img'))) icon.remove();
  return elementText(clone).replace(ICON_EDGES, "");
}

function reveal(panel: Element): void {
  for (const el of [panel, ...Array.from(panel.querySelectorAll("[hidden], [aria-hidden]"))]) {
    el.removeAttribute("hidden");
    if (el.getAttribute("aria-hidden") === "true") el.removeAttribute("aria-hidden");
    const style = el.getAttribute("style");
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) el.removeAttribute("style");
  }
}

/** The heading a trigger sits in (`<h3><button>…</button></h3>`), if any. */
function headingAround(trigger: Element): Element | null {
  return trigger.parentElement && HEADING_TAGS.has(trigger.parentElement.tagName) ? trigger.parentElement : null;
}

/** The panel a trigger opens: its `aria-controls` target, else the element right after it (or after its heading). */
function panelOf(trigger: Element, document: Document): Element | null {
  const ids = (trigger.getAttribute("aria-controls") ?? "").split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) return el;
  }
  return (headingAround(trigger) ?? trigger).nextElementSibling;
}

function isAnswer(panel: Element | null): panel is Element {
  if (!panel || panel.tagName === "NAV" || panel.tagName === "UL" && panel.querySelectorAll("a").length > 0) return false;
  const text = elementText(panel);
  return wordCount(text) >= PANEL_MIN_WORDS && /[.!?]/.test(text);
}

/**
 * Accordion questions → headings, one level under the heading before them
 * (a `<h3><button>` question stays an h3); answers un-hidden. Returns the
 * number of questions found.
 */
export function expandAccordions(document: Document): number {
  let found = 0;
  // <details><summary>: the summary is the question, the rest the answer.
  for (const details of Array.from(document.querySelectorAll("details"))) {
    const summary = details.querySelector("summary");
    if (!summary || summary.parentElement !== details) continue;
    const question = labelText(summary);
    summary.remove();
    details.setAttribute("data-import-question", question);
    found++;
  }
  const triggers = Array.from(document.querySelectorAll('[aria-expanded], [role="button"], button, [aria-controls]')).filter((t) => !t.closest("nav, header, footer, form"));
  for (const trigger of triggers) {
    if (!trigger.isConnected) continue;
    const question = labelText(trigger);
    const panel = panelOf(trigger, document);
    if (wordCount(question) < 2 || !isAnswer(panel) || panel.contains(trigger)) continue;
    reveal(panel);
    const heading = headingAround(trigger);
    if (heading) {
      trigger.replaceWith(document.createTextNode(question));
      heading.setAttribute(QUESTION_HEADING, "");
    } else {
      const marker = document.createElement("div");
      marker.setAttribute("data-import-question", question);
      trigger.replaceWith(marker);
    }
    found++;
  }
  // A question heading sits one level under the heading before it.
  let previousLevel = 1;
  for (const el of Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6, [data-import-question]"))) {
    if (HEADING_TAGS.has(el.tagName)) {
      if (!el.hasAttribute(QUESTION_HEADING)) previousLevel = Number(el.tagName[1]);
      continue;
    }
    const level = Math.min(6, previousLevel + 1);
    const h = document.createElement(`h${level}`);
    h.setAttribute(QUESTION_HEADING, "");
    h.textContent = el.getAttribute("data-import-question") ?? "";
    if (el.tagName === "DETAILS") {
      reveal(el);
      el.replaceWith(h, ...Array.from(el.childNodes));
    } else {
      el.replaceWith(h);
    }
  }
  return found;
}

/**
 * Data tables → one list item per row. A table holding another table,
 * a list or a heading is a layout table and is left to the Markdown
 * converter; a one-column table becomes a list of its cells.
 */
export function tablesToLists(document: Document): number {
  let converted = 0;
  for (const table of Array.from(document.querySelectorAll("table"))) {
    if (!table.isConnected || table.querySelector("table, ul, ol, h1, h2, h3, h4, h5, h6")) continue;
    const rows = Array.from(table.querySelectorAll("tr")).map((tr) => Array.from(tr.children).filter((c) => c.tagName === "TD" || c.tagName === "TH"));
    const nonEmpty = rows.filter((r) => r.some((c) => elementText(c)));
    if (nonEmpty.length === 0) continue;
    const firstIsHeader = nonEmpty[0]!.every((c) => c.tagName === "TH") || nonEmpty[0]![0]?.closest("thead") !== null;
    const header = firstIsHeader ? nonEmpty[0]!.map(elementText) : null;
    const body = firstIsHeader ? nonEmpty.slice(1) : nonEmpty;
    const items: string[] = [];
    for (const row of body) {
      const cells = row.map(elementText);
      if (cells.length === 1 || (header && header.length === 1)) {
        if (cells.filter(Boolean).length > 0) items.push(cells.filter(Boolean).join("; "));
        continue;
      }
      // A figure as the row's label ("30 or more") means nothing without its column's header
      // ("AHI (events per hour)"); a name ("Colchicine") stands on its own.
      const label = header?.[0] && /\d/.test(cells[0]!) ? `${header[0]} ${cells[0]!}` : cells[0]!;
      const values = cells.slice(1).map((value, i) => {
        const head = header?.[i + 1] ?? "";
        return !value ? "" : head ? `${head} – ${value}` : value;
      });
      const rest = values.filter(Boolean).join("; ");
      if (label && rest) items.push(`${label}: ${rest}`);
      else if (label || rest) items.push(label || rest);
    }
    const caption = table.querySelector("caption");
    const replacement: Element[] = [];
    if (caption && elementText(caption)) {
      // The caption leads into the rows, as a list's lead-in does ("Reference limits:"), rather than
      // standing as a loose line the answerer would read as a sentence of its own.
      const p = document.createElement("p");
      p.textContent = `${elementText(caption).replace(/[\s.:;]+$/, "")}:`;
      replacement.push(p);
    }
    const ul = document.createElement("ul");
    for (const item of items) {
      const li = document.createElement("li");
      li.textContent = item;
      ul.appendChild(li);
    }
    replacement.push(ul);
    table.replaceWith(...replacement);
    converted++;
  }
  return converted;
}
