/**
 * Dates written on a page: recognising date-only and byline lines (chrome),
 * and the review date a page states about itself ("Last reviewed: April 22,
 * 2024", "(updated September 3, 2024)"), which becomes the draft's
 * `reviewed` front-matter instead of the import date.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_NAME = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?`;
/** "April 22, 2024", "22 April 2024", "2024-04-22", "22/04/2024", "April 2024". */
const DATE_SOURCE = String.raw`${DAY_NAME}(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|${MONTH}\s+\d{4})`;
const TIME_SOURCE = String.raw`(?:(?:at\s+)?\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)`;
const DATE = new RegExp(DATE_SOURCE, "i");
const DATES = new RegExp(`${DATE_SOURCE}(?:,?\\s+${TIME_SOURCE})?`, "gi");

/** A line that is only a date, perhaps with a time and a "Posted"/"Updated" word: post metadata. */
export function isDateLine(text: string): boolean {
  const rest = text.replace(DATES, " ").replace(/\b(?:posted|published|updated|last|modified|reviewed|on)\b|[·|/•,:()–—-]/gi, " ").trim();
  return DATE.test(text) && rest === "";
}

/**
 * A byline: "By Samira Haddad, RRT", or a name beside a date ("Dr. Priya
 * Raman Aug 12, 2024 9:00:00 AM"): once dates are taken out, a few
 * capitalised words (a name and credentials) and separators are all that is left.
 */
export function isBylineLine(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > 16 || /[.!?]$/.test(text) && !/\b[A-Z][a-z]{0,3}\.$/.test(text)) return false;
  if (/^[Bb]y\s+\p{Lu}/u.test(text) && words.length <= 12) return true;
  if (!DATE.test(text)) return false;
  const rest = text.replace(DATES, " ").replace(/[·|/•,()–—-]/g, " ").trim().split(/\s+/).filter(Boolean);
  return rest.length > 0 && rest.length <= 6 && rest.every((w) => /^(?:\p{Lu}|by$|and$|&)/u.test(w));
}

export interface StatedDate {
  /** ISO date (the first of the month when the page names only a month). */
  date: string;
  /** The page's words, for the summary. */
  text: string;
}

export function toIso(raw: string): string | null {
  const s = raw.trim().replace(/,/g, " ").replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  const iso = (y: number, mo: number, d: number) => {
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCMonth() === mo - 1 ? date.toISOString().slice(0, 10) : null;
  };
  const text = s.replace(new RegExp(`^${DAY_NAME}`, "i"), "");
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(text);
  if (m) return iso(Number(m[3]), month(m[1]!), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4})$/i.exec(text);
  if (m) return iso(Number(m[3]), month(m[2]!), Number(m[1]));
  m = /^([a-z]+)\.? (\d{4})$/i.exec(text);
  if (m) return iso(Number(m[2]), month(m[1]!), 1);
  return null; // 04/05/2024 is day-first on some sites, month-first on others: not guessed
}

const REVIEW_WORD = /\b(?:last\s+reviewed|medically\s+reviewed|clinically\s+reviewed|reviewed|last\s+updated|updated|last\s+modified|modified)\b(?:\s+(?:on|by\s+[^:]{0,60}?\s+on))?\s*:?\s*/gi;

/**
 * The review (or, failing that, update) date a page states about itself.
 * Only a date within a few words after "reviewed"/"updated" counts; a
 * publication date alone does not (it says when the text was written, not
 * when it was last checked).
 */
export function statedReviewDate(lines: string[]): StatedDate | null {
  let updated: StatedDate | null = null;
  for (const line of lines) {
    if (line.split(/\s+/).length > 30) continue; // a sentence in the article, not a page's date line
    for (const m of line.matchAll(REVIEW_WORD)) {
      const after = line.slice(m.index! + m[0].length);
      const d = new RegExp(`^(?:\\S+\\s+){0,2}?(${DATE_SOURCE})`, "i").exec(after);
      const date = d ? toIso(d[1]!) : null;
      if (!date) continue;
      const found = { date, text: line.length > 100 ? `${line.slice(0, 99)}…` : line };
      if (/review/i.test(m[0])) return found;
      updated ??= found;
    }
  }
  return updated;
}

/**
 * The modification date a page's markup declares (schema.org `dateModified`,
 * Open Graph `article:modified_time`), for pages whose text never says
 * "updated": the date a CMS stamps when the article was last edited.
 */
export function markedModifiedDate(document: { querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null }): StatedDate | null {
  const candidates: Array<[string | null | undefined, string]> = [];
  const marked = document.querySelector('[itemprop="dateModified"]');
  if (marked) candidates.push([marked.getAttribute("content") ?? marked.getAttribute("datetime") ?? marked.textContent, "dateModified"]);
  candidates.push([document.querySelector('meta[property="article:modified_time"]')?.getAttribute("content"), "article:modified_time"]);
  for (const [raw, where] of candidates) {
    const value = raw?.trim();
    if (!value) continue;
    const date = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : toIso(value);
    if (date && !Number.isNaN(Date.parse(date))) return { date, text: `${where}: ${value.slice(0, 60)}` };
  }
  return null;
}
