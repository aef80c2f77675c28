/**
 * Site chrome removal: what a page carries around its article (banners,
 * buttons, navigation, cookie and newsletter boxes, related-post links).
 * Three kinds of evidence, all generic web conventions:
 *
 * 1. the line itself (`lineChromeReason`): button labels, opening-hours and
 *    phone banners, "(button)" markers, breadcrumbs, share bars, cookie and
 *    newsletter notices, copyright and post metadata;
 * 2. its place (`removeTrailingCallToAction`, related-links runs): the short
 *    sign-off blocks after the article's last paragraph;
 * 3. repetition (`removeBoilerplate`): a line found on several pages of the
 *    same site in one import batch is the site's, not the article's.
 *
 * Calls to action written as sentences inside the article stay: the indexer
 * tags them as promotional (corpus/defaults/promotional.yaml and the clinic's own).
 */
import { lineKey, looksLikeHeading, wordCount } from "./lines.js";
import { blockTexts, type Block, type Removal } from "./model.js";
import { isBylineLine, isDateLine, statedReviewDate } from "./page-dates.js";

/** Imperatives that start button labels ("Book now", "Call us", "Schedule FREE Consultation"). */
const CTA_START =
  /^(?:book|call|schedule|contact|request|get|sign\s+up|subscribe|register|download|join|invite|apply|claim|reserve|text|email|chat|donate|buy|order|click|tap|fill\s+out|start\s+(?:here|now|today)|learn\s+more|read\s+more|find\s+out\s+more|see\s+more|view\s+more|load\s+more|shop)\b/i;

/** Whole lines that are interface words, never article text. */
const UI_LINE =
  /^(?:home|menu|search|close|open menu|close menu|toggle navigation|skip to (?:main )?content|back to top|scroll to top|previous(?: post| article)?|next(?: post| article)?|accept|accept all|accept cookies|decline|reject all|reject|ok|got it|dismiss|share|share this|tweet|print|loading)\W*$/i;

const DAY = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?s?\b/i;
const TIME = /\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\b\d{1,2}:\d{2}\b|\b24\s*\/\s*7\b/i;
const PHONE = /(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/;
const SOCIAL_WORDS = new Set(["share", "on", "facebook", "twitter", "x", "linkedin", "pinterest", "email", "whatsapp", "instagram", "youtube", "tiktok", "print", "copy", "link", "this", "tweet", "follow", "us", "article", "post"]);
const RELATED_MARKER =
  /^(?:also read|related(?: posts?| articles?| reading| stories| content)?|read next|you (?:may|might) also (?:like|enjoy)|recent (?:posts|articles)|popular (?:posts|articles)|more (?:articles|posts|from (?:our|the) blog)|see also|further reading)\b/i;

/** Why a single line (paragraph, heading or list item) is chrome, or null when it is not. */
export function lineChromeReason(text: string): string | null {
  const words = wordCount(text);
  if (/\(button\)/i.test(text) && wordCount(text.replace(/\(button\)/gi, "")) <= 8) return "button label";
  if (UI_LINE.test(text)) return "interface word";
  if (words <= 3 && CTA_START.test(text) && !/[.;]$/.test(text)) return "button label";
  if (words <= 16 && DAY.test(text) && TIME.test(text)) return "opening-hours banner";
  if (words <= 12 && PHONE.test(text)) return "phone banner";
  if (words <= 60 && /\bcookies?\b/i.test(text) && /\b(?:accept|consent|privacy|experience|agree|use of|settings|preferences)\b/i.test(text)) return "cookie notice";
  if (words <= 30 && /\b(?:newsletter|mailing list|subscribe)\b/i.test(text)) return "newsletter signup";
  if (words <= 8 && /\b(?:your (?:e-?mail|name|phone)(?: address)?|enter (?:your )?e-?mail)\b/i.test(text)) return "form field";
  if (words <= 25 && (/^(?:©|copyright\b)/i.test(text) || /all rights reserved/i.test(text))) return "copyright line";
  if (words <= 12 && (/^(?:posted|published|updated|written|filed)\b/i.test(text) || /\b\d+\s*min(?:ute)?s?\s+read\b/i.test(text) || /^(?:tags?|categor(?:y|ies))\s*:/i.test(text))) return "post metadata";
  if (words <= 16 && isDateLine(text)) return "date";
  if (isBylineLine(text)) return "byline";
  if (words <= 16 && statedReviewDate([text]) !== null) return "review date (see reviewed:)";
  if (words <= 8 && /^(?:all|more|view all|see all)\s+(?:posts|articles|stories)\s+(?:by|from)\b/i.test(text)) return "author link";
  if (words <= 24 && isSeparatedNav(text)) return "navigation";
  if (words <= 8 && text.split(/[\s|·•,/]+/).every((w) => !w || SOCIAL_WORDS.has(w.toLowerCase().replace(/\W/g, "")))) return "share buttons";
  return null;
}

/** "Home > Blog > Title", "Events | Tours | Contact": short parts joined by a separator. */
function isSeparatedNav(text: string): boolean {
  const parts = text.split(/\s+(?:\||›|»|>|\/|·|•)\s+/);
  return parts.length >= 2 && parts.every((p) => wordCount(p) <= 12);
}

/** Drops chrome lines and list items from one document; strips "(button)" markers from the text that stays. */
export function removeLineChrome(blocks: Block[], source: string): { blocks: Block[]; removed: Removal[] } {
  const removed: Removal[] = [];
  const out: Block[] = [];
  const drop = (text: string, reason: string) => removed.push({ source, text, reason });
  const unmark = (t: string) => t.replace(/\s*\(button\)\s*/gi, " ").trim();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === "list") {
      const items = block.items.filter((item) => {
        const reason = lineChromeReason(item);
        if (reason) drop(item, reason);
        return !reason;
      });
      if (items.length > 0) out.push({ ...block, items: items.map(unmark) });
      continue;
    }
    let reason = lineChromeReason(block.text);
    // A 4–5 word imperative is a button unless it heads a paragraph ("Get Started with Your Plan").
    if (!reason && wordCount(block.text) <= 5 && CTA_START.test(block.text) && blocks[i + 1]?.kind !== "paragraph") reason = "button label";
    // A heading in the page's markup is a heading ("Get the mask fit right"); controls were removed from the page itself.
    if (reason === "button label" && block.kind === "heading" && block.level !== null) reason = null;
    if (!reason && RELATED_MARKER.test(block.text) && wordCount(block.text) <= 8) {
      drop(block.text, "related links");
      // The links under the marker: short lines, or a list of them.
      while (i + 1 < blocks.length && isLinkLike(blocks[i + 1]!)) {
        i++;
        for (const t of blockTexts(blocks[i]!)) drop(t, "related links");
      }
      continue;
    }
    if (reason) drop(block.text, reason);
    else out.push({ ...block, text: unmark(block.text) } as Block);
  }
  return { blocks: out, removed };
}

function isLinkLike(block: Block): boolean {
  return blockTexts(block).every((t) => wordCount(t) <= 12 && !/[.!]$/.test(t));
}

const SHORT_BLOCK_WORDS = 20;

/**
 * After the article's last real paragraph, sites add a sign-off: "Invite a
 * friend", "Fill out the form", a lone "Call us". A trailing run of short
 * blocks is dropped from the heading-like line that introduces its first
 * call to action (or a lone label at the very end); a short closing
 * paragraph under a real heading ("Conclusion") has neither and stays.
 */
export function removeTrailingCallToAction(blocks: Block[], source: string): { blocks: Block[]; removed: Removal[] } {
  let start = blocks.length;
  while (start > 0) {
    const b = blocks[start - 1]!;
    if (b.kind === "list" || wordCount(b.text) >= SHORT_BLOCK_WORDS) break;
    start--;
  }
  const tail = blocks.slice(start);
  const headingLike = (b: Block) => b.kind === "heading" || (b.kind === "paragraph" && looksLikeHeading(b.text));
  const isCta = (b: Block) => b.kind !== "list" && CTA_START.test(b.text);
  let from = -1;
  for (let c = 0; c < tail.length && from < 0; c++) {
    if (!isCta(tail[c]!)) continue;
    for (let i = c; i >= 0 && from < 0; i--) if (headingLike(tail[i]!)) from = i;
  }
  if (from < 0 && !tail.some(isCta) && tail.length > 0 && headingLike(tail[tail.length - 1]!)) {
    from = tail.length - 1; // a lone label after the last paragraph
  }
  if (from < 0) return { blocks, removed: [] };
  const cut = start + from;
  const dropped = blocks.slice(cut);
  return {
    blocks: blocks.slice(0, cut),
    removed: dropped.flatMap((b) => blockTexts(b).map((text) => ({ source, text, reason: "trailing call to action" }))),
  };
}

export interface SiteDocument {
  source: string;
  /** Pages with the same key come from the same site (URL host or publisher). */
  site: string;
  blocks: Block[];
}

/**
 * Lines that appear on at least `minPages` pages of one site in this batch
 * are site boilerplate. A heading stays when what follows it is the page's
 * own text (two articles may both have a "Conclusion").
 */
export function removeBoilerplate(docs: SiteDocument[], minPages = 2): Array<{ blocks: Block[]; removed: Removal[] }> {
  const pagesPerKey = new Map<string, Set<string>>();
  const keyOf = (site: string, text: string) => `${site}\u0000${lineKey(text)}`;
  docs.forEach((doc, index) => {
    for (const block of doc.blocks) {
      for (const text of blockTexts(block)) {
        if (!lineKey(text)) continue;
        const key = keyOf(doc.site, text);
        const pages = pagesPerKey.get(key) ?? new Set<string>();
        pages.add(String(index));
        pagesPerKey.set(key, pages);
      }
    }
  });
  const shared = (site: string, text: string) => (pagesPerKey.get(keyOf(site, text))?.size ?? 0) >= minPages;

  return docs.map((doc) => {
    const removed: Removal[] = [];
    const out: Block[] = [];
    doc.blocks.forEach((block, i) => {
      if (block.kind === "list") {
        const items = block.items.filter((t) => !shared(doc.site, t));
        for (const t of block.items) if (shared(doc.site, t)) removed.push({ source: doc.source, text: t, reason: "repeated on other pages of the site" });
        if (items.length > 0) out.push({ ...block, items });
        return;
      }
      if (!shared(doc.site, block.text)) return void out.push(block);
      const next = doc.blocks[i + 1];
      const headsOwnText = block.kind === "heading" && next !== undefined && blockTexts(next).some((t) => !shared(doc.site, t));
      if (headsOwnText) out.push(block);
      else removed.push({ source: doc.source, text: block.text, reason: "repeated on other pages of the site" });
    });
    return { blocks: out, removed };
  });
}
