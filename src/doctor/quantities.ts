/**
 * Finds the figures a sentence states — durations, percentages and counts of
 * whatever noun follows ("6 sessions", "two or more antidepressants") — as
 * intervals in one base unit per dimension, so "about an hour" and "60
 * minutes" compare equal and "1 to 2 hours" does not. Pure and topic-free.
 */
import { casedWordTokens } from "../answer/text.js";
import { stem } from "../retrieve/terms.js";

export interface Quantity {
  /** The words that stated it, as written ("between 1 to 2 hours"). */
  text: string;
  /** Where `text` starts in the sentence. */
  index: number;
  /** "duration" (minutes), "interval" (every …), "offset:<side>:<event stem>" (… after the event, … later), "percent", or "count:<noun stem>"; a rate adds "/<period>" ("count:time/day"). */
  dimension: string;
  /** Lower and upper bound in the dimension's base unit; null = open ("at least 3 months" has no max). */
  min: number | null;
  max: number | null;
  /** The noun the figure measures when the sentence says it right there ("3-6 month intervals" → "intervals", "6 sessions" → "sessions"). */
  noun: string | null;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, hundred: 100, dozen: 12,
};

/** Minutes per time unit. */
const TIME_UNITS: Record<string, number> = {
  second: 1 / 60, sec: 1 / 60, minute: 1, min: 1, hour: 60, hr: 60, day: 1440, week: 10080, month: 43830, year: 525960,
};
const TIME_UNIT_WORDS = new Set(Object.keys(TIME_UNITS).flatMap((u) => [u, `${u}s`]));

/** Words that say which days count, between a number and its time unit. */
const CALENDAR_KINDS = new Set(["working", "business", "calendar", "school"]);

/** Words between a number and its noun that describe rather than name ("6 weekly sessions"). */
const MODIFIERS = new Set([
  "more", "additional", "separate", "total", "individual", "consecutive", "short", "long", "longer", "full", "different",
  "further", "extra", "initial", "main", "major", "minor", "common", "key", "other", "or", "and", "to", "of", "the", "such",
  // Scale words: "50 million Americans" counts Americans.
  "thousand", "million", "billion",
]);

/** Words that never name a counted thing. */
const NOT_NOUNS = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "but", "is", "are", "was", "were",
  "be", "been", "it", "its", "this", "that", "these", "those", "as", "than", "percent", "per", "cent", "if", "can",
  "may", "will", "would", "should", "could", "do", "does", "not", "no", "so", "then", "s",
]);

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|${Object.keys(WORD_NUMBERS).join("|")}|an?)`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|to|and|or)\s*`;
const LOWER = String.raw`at least|more than|over|no fewer than|a minimum of|minimum of`;
const UPPER = String.raw`up to|less than|under|no more than|fewer than|within|a maximum of|maximum of`;

// One figure: optional bound word, optional "between", a number or a range, optional "or more", then what follows.
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?<bound>${LOWER}|${UPPER})\s+)?(?:between\s+)?(?:(?<half>half)\s+)?(?<a>${NUM})(?:${RANGE_SEP}(?<b>${NUM}))?(?<plus>\+)?(?![\p{L}\p{N}])(?=(?<after>[^.;:!?()\d]{0,60}))`,
  "giu",
);

function numberValue(token: string): number | null {
  const t = token.toLowerCase();
  if (t === "a" || t === "an") return 1;
  if (t in WORD_NUMBERS) return WORD_NUMBERS[t]!;
  const n = Number(t.replace(/,(?=\d{3}\b)/g, "")); // "2,500"
  return Number.isFinite(n) ? n : null;
}

function singular(word: string): string {
  return word.replace(/ies$/, "y").replace(/(ss|[^s])s$/, "$1");
}

interface Tail {
  kind: "time" | "percent" | "count";
  /** Minutes per unit for time. */
  factor: number;
  noun: string | null;
  /** Words consumed after the number. */
  used: number;
  orMore: boolean;
}

/** Reads what follows a number: a time unit, a percent sign, or a counted noun. */
function readTail(after: string, allowCount: boolean, value: number): Tail | null {
  const tokens = after.match(/%|[\p{L}']+/gu) ?? [];
  let i = 0;
  let orMore = false;
  const lower = tokens.map((t) => t.toLowerCase());
  const percentSign = tokens[0] === "%" ? 1 : lower[0] === "percent" ? 1 : lower[0] === "per" && lower[1] === "cent" ? 2 : 0;
  if (percentSign > 0) {
    // "a 70–80% chance", "a 90% success rate": the noun after the sign is what the percentage measures.
    const next = lower[percentSign];
    const noun = next && next.length >= 3 && !NOT_NOUNS.has(next) && !next.endsWith("ly") ? tokens[percentSign]! : null;
    return { kind: "percent", factor: 1, noun, used: percentSign, orMore };
  }
  if (lower[0] === "or" && (lower[1] === "more" || lower[1] === "longer")) {
    orMore = true;
    i = 2;
  }
  // "5 working days", "10 business days": a length of time in days.
  if (CALENDAR_KINDS.has(lower[i] ?? "") && TIME_UNIT_WORDS.has(lower[i + 1] ?? "")) i++;
  const word = lower[i];
  if (word && TIME_UNIT_WORDS.has(word)) {
    const unit = singular(word);
    // "3-6 month intervals", "a 40-minute visit": the unit is an adjective and the next word is what it measures.
    const next = lower[i + 1];
    const hyphenated = /^\s*-\s*$/.test(after.slice(0, after.toLowerCase().indexOf(word)));
    const adjectival = (hyphenated || (word === unit && value > 1)) && next !== undefined && !NOT_NOUNS.has(next) && !TIME_UNIT_WORDS.has(next) && !next.endsWith("ly");
    if (lower[i + 1] === "or" && (lower[i + 2] === "more" || lower[i + 2] === "longer")) orMore = true;
    return { kind: "time", factor: TIME_UNITS[unit] ?? TIME_UNITS[word]!, noun: adjectival ? tokens[i + 1]! : null, used: i + 1, orMore };
  }
  if (!allowCount) return null;
  for (let j = i; j < lower.length; j++) {
    const w = lower[j]!;
    if (MODIFIERS.has(w) || (w.endsWith("ly") && w.length > 4)) {
      if (w === "or" && lower[j + 1] === "more") orMore = true;
      continue;
    }
    if (NOT_NOUNS.has(w) || w.length < 3 || TIME_UNIT_WORDS.has(w)) return null;
    return { kind: "count", factor: 1, noun: tokens[j]!, used: j + 1, orMore };
  }
  return null;
}

/** "a day", "per week", "daily" right after a figure makes it a rate. */
const RATE = /^\s*(?:,\s*)?(?:(?:per|a|an|each|every)\s+(second|minute|hour|day|week|month|year|session|visit|treatment)\b|(daily|weekly|monthly|yearly|annually)\b)/i;
function readRate(rest: string): string | null {
  const m = RATE.exec(rest);
  if (!m) return null;
  if (m[1]) return m[1].toLowerCase();
  return { daily: "day", weekly: "week", monthly: "month", yearly: "year", annually: "year" }[m[2]!.toLowerCase()] ?? null;
}

function isYear(token: string, value: number): boolean {
  return /^\d{4}$/.test(token) && value >= 1800 && value <= 2100;
}

export function extractQuantities(sentence: string): Quantity[] {
  const out: Quantity[] = [];
  // A figure's own words ("three times a day") must not be read again as another figure ("a day").
  let consumedUntil = 0;
  for (const m of sentence.matchAll(FIGURE)) {
    const g = m.groups!;
    const aTok = g.a!;
    const bTok = g.b;
    const a = numberValue(aTok);
    const b = bTok ? numberValue(bTok) : null;
    if (a === null || (bTok && b === null)) continue;
    const isArticle = /^an?$/i.test(aTok);
    // "one" and "a" count nothing reliably ("one of the reasons", "a patient"); they only state durations.
    const wordOne = isArticle || aTok.toLowerCase() === "one";
    if ((m.index ?? 0) < consumedUntil) continue;
    const tail = readTail(g.after ?? "", !wordOne && !isYear(aTok, a), b ?? a);
    if (!tail) continue;
    if (wordOne && tail.kind !== "time") continue;
    // "twice a day", "per week": a rate, not a length of time.
    if (isArticle && /\b(?:once|twice|thrice|times|per|each|every)\s*$/i.test(sentence.slice(0, m.index ?? 0))) continue;
    // "hundreds of studies a year", "patients a day": a yearly count's period, not a length of time.
    if (isArticle && tail.kind === "time" && /\b\p{L}{3,}s\s*$/iu.test(sentence.slice(0, m.index ?? 0)) && !/\b(?:as|is|was|takes|lasts|hours|days|weeks|months|years)\s*$/i.test(sentence.slice(0, m.index ?? 0))) continue;
    let lo = a;
    let hi = b ?? a;
    if (g.half) {
      lo *= 0.5;
      hi *= 0.5;
    }
    if (hi < lo) [lo, hi] = [hi, lo];
    lo *= tail.factor;
    hi *= tail.factor;
    let min: number | null = lo;
    let max: number | null = hi;
    const bound = g.bound?.toLowerCase();
    if (bound && new RegExp(`^(?:${LOWER})$`).test(bound)) max = null;
    else if (bound && new RegExp(`^(?:${UPPER})$`).test(bound) && b === null) min = null;
    if (tail.orMore || g.plus) max = null;

    const after = g.after ?? "";
    let end = m[0].length + tokenEnd(after, tail.used);
    // "a day or two": the range closes after the unit.
    const closing = tail.kind === "time" && b === null ? new RegExp(String.raw`^\s*or\s+(${NUM})(?![\p{L}\p{N}])`, "iu").exec(sentence.slice((m.index ?? 0) + end)) : null;
    const closeValue = closing ? numberValue(closing[1]!) : null;
    if (closing && closeValue !== null && closeValue * tail.factor > (max ?? Infinity)) {
      max = closeValue * tail.factor;
      end += closing[0].length;
    }
    const at = m.index ?? 0;
    const lead = sentence.slice(0, at);
    const rest = sentence.slice(at + end);
    // "a day-5 transfer": the unit is part of a name, not a figure.
    if (/^-\d/.test(rest)) continue;
    const text = sentence.slice(at, at + end).trim();
    const rate = readRate(rest);
    consumedUntil = at + end + (rate ? (RATE.exec(rest)?.[0].length ?? 0) : 0);
    // "a scan every one to three days": the time between events, never comparable with how long something lasts.
    // "3 to 5 sessions about 4 weeks apart" too.
    const every = tail.kind === "time" && (/\b(?:every|each)\s*$/i.test(lead) || /^\s*apart\b/i.test(rest));
    const base = tail.kind === "time" ? (every ? "interval" : (offsetFrom(lead, text, rest) ?? "duration")) : tail.kind === "percent" ? "percent" : `count:${stem(singular(tail.noun!.toLowerCase()))}`;
    out.push({ text, index: at, dimension: rate ? `${base}/${rate}` : base, min, max, noun: tail.noun });
  }
  return out;
}

/**
 * A time that says when something happens rather than how long it lasts: "34–36 hours later",
 * "16 days after insemination", "1 month before treatment", "after about 3 months". Never comparable
 * with a length of time, and only with a time on the same side of the same event:
 * "offset:<after|before|later|earlier|ago>:<stem of the event's noun, or empty>".
 */
function offsetFrom(before: string, figure: string, rest: string): string | null {
  // "for 1 to 2 weeks after surgery", "lasts 3 days after": how long, counted from an event.
  if (new RegExp(String.raw`\b(?:for|last|lasts|lasting|take|takes|taking)\s+${HEDGE}$`, "i").test(before)) return null;
  // "within 3 to 7 days of leaving the hospital": by when, counted from that event; "within 5 working days" alone is a length.
  const within = new RegExp(String.raw`\bwithin\s+(?:the\s+first\s+)?${HEDGE}$`, "i").test(before) || /^within\b/i.test(figure);
  const adverb = /^\s*(later|earlier|ago|afterwards|beforehand)\b/i.exec(rest);
  if (adverb && !within) return `offset:${adverb[1]!.toLowerCase().replace("afterwards", "later").replace("beforehand", "earlier")}:`;
  const from = (within ? /^\s*(of|after|following)\s+([^.;,:]*)/i : /^\s*(after|before|following|post)\s+([^.;,:]*)/i).exec(rest);
  if (within && !from) return null;
  if (from) {
    const side = from[1]!.toLowerCase() === "before" ? "before" : "after";
    // The event's first word that names something: not an article or a word with digits ("a day-5 transfer" → transfer).
    const event = casedWordTokens(from[2]!).find((w) => !/\d/.test(w) && !/^(?:a|an|the|your|my|his|her|their|each|every|first|last|this|that)$/i.test(w));
    return `offset:${side}:${event ? stem(event.toLowerCase().replace(/-/g, "")) : ""}`;
  }
  const bare = new RegExp(String.raw`\b(after|before)\s+${HEDGE}$`, "i").exec(before);
  if (bare) return `offset:${bare[1]!.toLowerCase() === "before" ? "earlier" : "later"}:`;
  return null;
}

/** Words that soften a figure without changing what it measures ("for about", "after roughly"), optional, with the space after. */
const HEDGE = String.raw`(?:(?:about|around|roughly|approximately|up\s+to|at\s+least|only|just|some)\s*)?`;

/** Offset in `after` just past its `used`-th word (0 when none are used). */
function tokenEnd(after: string, used: number): number {
  let end = 0;
  let n = 0;
  for (const t of after.matchAll(/%|[\p{L}']+/gu)) {
    if (n++ >= used) break;
    end = (t.index ?? 0) + t[0].length;
  }
  return end;
}

/** Formats a quantity's interval for people ("60–120 min", "≥ 3 months"). */
export function formatValue(q: Pick<Quantity, "dimension" | "min" | "max">): string {
  const [base] = q.dimension.split("/");
  if (base === "duration") return formatDuration(q.min, q.max);
  if (base === "interval") return `every ${formatDuration(q.min, q.max)}`;
  if (base!.startsWith("offset:")) return `${formatDuration(q.min, q.max)} ${base!.split(":")[1]}`;
  const show = (v: number) => (base === "percent" ? `${trim(v)}%` : trim(v));
  if (q.min !== null && q.max !== null) return q.min === q.max ? show(q.min) : `${show(q.min)} – ${show(q.max)}`;
  if (q.min !== null) return `≥ ${show(q.min)}`;
  if (q.max !== null) return `≤ ${show(q.max)}`;
  return "?";
}

const DURATION_UNITS: Array<[string, number]> = [["year", 525960], ["month", 43830], ["week", 10080], ["day", 1440], ["hour", 60], ["minute", 1], ["second", 1 / 60]];

/** Both ends in one unit, the largest that states them exactly ("45 – 60 minutes", "1 – 2 hours"). */
function formatDuration(min: number | null, max: number | null): string {
  const ends = [min, max].filter((v): v is number => v !== null);
  if (ends.length === 0) return "?";
  const exact = (v: number, size: number) => Math.abs(v / size - Math.round((v / size) * 10) / 10) < 1e-9;
  const [name, size] = DURATION_UNITS.find(([, size]) => Math.min(...ends) / size >= 1 && ends.every((v) => exact(v, size))) ?? ["minute", 1];
  const n = (v: number) => trim(v / size);
  const unit = (v: number) => `${name}${v / size === 1 ? "" : "s"}`;
  if (min !== null && max !== null) return min === max ? `${n(min)} ${unit(min)}` : `${n(min)} – ${n(max)} ${unit(max)}`;
  if (min !== null) return `≥ ${n(min)} ${unit(min)}`;
  return `≤ ${n(max!)} ${unit(max!)}`;
}

function trim(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1).replace(/\.0$/, "");
}
