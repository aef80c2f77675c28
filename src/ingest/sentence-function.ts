/**
 * What a sentence does for the reader: does it ask them to get in touch (a call
 * to action) or offer the publisher's help, or does it state something about a
 * treatment, condition or process? Pure: a sentence, the word lists from
 * promotional.yaml and the publishers' names in, a verdict out.
 *
 * Decisions are whole-sentence (answers quote whole sentences verbatim):
 * - An imperative to book ("Schedule your evaluation…") is a call to action, and so
 *   is a gerund subject recommending it ("Reaching out for a consultation can be…").
 * - An imperative to contact is a call to action when it is about booking
 *   ("Call today to schedule…") or addressed to the publisher ("Contact <clinic>…",
 *   "Call us if you have questions"), but not when it tells the reader when or whom
 *   to call for care ("Call us if you notice pus or fever", "Call 911 immediately"):
 *   that is a clinical fact patients need.
 * - The publisher's offer of help ("we can help you…", "let us guide you") or
 *   mission statement ("our team is here to support you", "we are committed to…")
 *   is promotional.
 * - Everything else is content, even when it names the clinic or speaks as "we":
 *   "At <clinic>, most patients begin within 3 to 7 days" is attribution plus a fact.
 *   A mixed sentence goes by its imperative: "Call <clinic> to book; most states
 *   allow direct access" is dropped, a lost fact being cheaper than a quoted pitch.
 */
import type { TaggedToken } from "./tag-tokens.js";

/** Word lists (each entry one word or a short phrase), from promotional.yaml. */
export interface FunctionLexicon {
  /** Verbs whose imperative is always a call to action: book, schedule, sign up. */
  bookVerbs: string[];
  /** Verbs whose imperative asks the reader to get in touch: call, contact, visit. */
  contactVerbs: string[];
  /** Imperatives that lead into one of the above: "consider (booking)", "feel free to (call)". */
  leadIns: string[];
  /** Words that make a contact request about booking: consultation, appointment, today, free. */
  bookingWords: string[];
  /** Words that open a condition clause: if, when. */
  conditionWords: string[];
  /** A condition about the reader's interest, not their symptoms: ready, questions. */
  readinessWords: string[];
  /** "<we> are <word>": committed, dedicated, here, proud. */
  commitmentWords: string[];
  /** "<we> can <verb> … you", "let us <verb>": help, support, guide. */
  helpVerbs: string[];
}

export type FunctionVerdict =
  | { rule: "imperative-book" | "imperative-contact"; cue: string }
  | { rule: "offer" | "commitment"; cue: string };

/** Words and punctuation that may come before an imperative without changing it. */
const SKIP = new Set(["please", "so", "then", "and", "or", "simply", "just", "also", "now", "today", "*", "**", "\"", "“", "'", "‘", "(", "["]);
/** Clause boundaries: an imperative or a subject starts right after one. */
const BOUNDARY = new Set([",", ";", ":", "–", "—", "-", "(", ")", "!", "?", "."]);
/** After an imperative verb, a noun or a verb means the word was a noun ("Contact lenses can…", "Visit length varies"). */
const NOMINAL_NEXT = new Set(["NOUN", "VERB", "AUX"]);
const MODALS = new Set(["can", "could", "would", "will"]);
const WE = new Set(["we", "our"]);
const YOU = new Set(["you", "your", "yours", "yourself"]);

/** A lexicon entry as token normals, so "don't hesitate to" matches wink's "do not hesitate to". */
export type Phrase = string[];
export interface CompiledLexicon {
  bookVerbs: Phrase[];
  contactVerbs: Phrase[];
  leadIns: Phrase[];
  bookingWords: Phrase[];
  conditionWords: Phrase[];
  readinessWords: Phrase[];
  commitmentWords: Phrase[];
  helpVerbs: Phrase[];
}

export function compileLexicon(lexicon: FunctionLexicon, tag: (text: string) => TaggedToken[]): CompiledLexicon {
  const compile = (list: string[]) => list.map((p) => tag(p.toLowerCase()).map((t) => t.normal)).filter((p) => p.length > 0);
  return {
    bookVerbs: compile(lexicon.bookVerbs),
    contactVerbs: compile(lexicon.contactVerbs),
    leadIns: compile(lexicon.leadIns),
    bookingWords: compile(lexicon.bookingWords),
    conditionWords: compile(lexicon.conditionWords),
    readinessWords: compile(lexicon.readinessWords),
    commitmentWords: compile(lexicon.commitmentWords),
    helpVerbs: compile(lexicon.helpVerbs),
  };
}

/** The phrase of `list` that starts at token i (by form, or by lemma when `byLemma`), or null. */
function phraseAt(tokens: TaggedToken[], i: number, list: Phrase[], byLemma = false): Phrase | null {
  for (const p of list) {
    if (p.every((w, k) => tokens[i + k] !== undefined && (tokens[i + k]!.normal === w || (byLemma && tokens[i + k]!.lemma === w)))) return p;
  }
  return null;
}

/** Token ranges [start, end) of the clauses, cut at punctuation. */
function clauses(tokens: TaggedToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  tokens.forEach((t, i) => {
    if (BOUNDARY.has(t.normal)) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  });
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}

function headOf(tokens: TaggedToken[], [start, end]: [number, number]): number {
  let i = start;
  while (i < end && (SKIP.has(tokens[i]!.normal) || tokens[i]!.pos === "PUNCT" || tokens[i]!.pos === "SYM")) i++;
  return i;
}

/** An imperative verb of `list` heading the clause at token i, followed by something other than a noun or verb. */
function imperativeAt(tokens: TaggedToken[], i: number, end: number, list: Phrase[]): Phrase | null {
  const p = phraseAt(tokens, i, list);
  if (!p) return null;
  const next = tokens[i + p.length];
  if (i + p.length < end && next && NOMINAL_NEXT.has(next.pos) && !SKIP.has(next.normal) && p.length === 1) return null;
  return p;
}

interface Imperative {
  kind: "book" | "contact";
  cue: string;
  /** Token just after the verb phrase: where its object starts. */
  after: number;
}

function findImperative(tokens: TaggedToken[], lex: CompiledLexicon): Imperative | null {
  for (const range of clauses(tokens)) {
    const i = headOf(tokens, range);
    const end = range[1];
    if (i >= end) continue;
    const book = imperativeAt(tokens, i, end, lex.bookVerbs);
    if (book) return { kind: "book", cue: book.join(" "), after: i + book.length };
    const contact = imperativeAt(tokens, i, end, lex.contactVerbs);
    if (contact) return { kind: "contact", cue: contact.join(" "), after: i + contact.length };
    // "Reaching out for a consultation can be a first step": a gerund subject that recommends booking.
    const gerund = tokens[i]!;
    if (gerund.normal.endsWith("ing")) {
      const verb = phraseAt(tokens, i, lex.bookVerbs, true) ?? phraseAt(tokens, i, lex.contactVerbs, true);
      const j = i + (verb?.length ?? 0);
      const booking = verb && tokens.slice(j, Math.min(end, j + 4)).some((_, k) => phraseAt(tokens, j + k, lex.bookingWords));
      if (booking) return { kind: "book", cue: tokens.slice(i, j).map((t) => t.normal).join(" "), after: j };
    }
    // "consider booking", "do not hesitate to contact": the led-in verb in any form.
    const lead = phraseAt(tokens, i, lex.leadIns);
    if (lead) {
      for (let j = i + lead.length; j < Math.min(end, i + lead.length + 3); j++) {
        const b = phraseAt(tokens, j, lex.bookVerbs, true);
        const said = (n: number) => tokens.slice(i, j + n).map((t) => t.normal).join(" ");
        if (b) return { kind: "book", cue: said(b.length), after: j + b.length };
        const c = phraseAt(tokens, j, lex.contactVerbs, true);
        if (c) return { kind: "contact", cue: said(c.length), after: j + c.length };
      }
    }
  }
  return null;
}

/** Marks the tokens inside condition clauses ("if you notice pus or fever"): from the condition word to the clause end. */
function conditionMask(tokens: TaggedToken[], lex: CompiledLexicon): boolean[] {
  const mask = tokens.map(() => false);
  for (const [start, end] of clauses(tokens)) {
    for (let i = start; i < end; i++) {
      if (phraseAt(tokens, i, lex.conditionWords)) {
        for (let k = i; k < end; k++) mask[k] = true;
        break;
      }
    }
  }
  return mask;
}

/**
 * Is a contact request a call to action? Yes when anything outside its condition
 * clauses is about booking ("…to schedule a consultation"), or when it is addressed
 * to the publisher ("Call us", "Contact <clinic>") and is either unconditional or
 * conditioned on the reader's interest ("if you have questions"). No when it only
 * says when or whom to call for care: "Call us if you notice pus or fever",
 * "Call 911 immediately", "Reach out for support".
 */
function isContactCta(tokens: TaggedToken[], imperative: Imperative, lex: CompiledLexicon): boolean {
  const mask = conditionMask(tokens, lex);
  let readiness = false;
  for (let i = 0; i < tokens.length; i++) {
    if (mask[i]) {
      if (phraseAt(tokens, i, lex.readinessWords)) readiness = true;
    } else if (phraseAt(tokens, i, lex.bookingWords) || phraseAt(tokens, i, lex.bookVerbs, true)) {
      return true;
    }
  }
  const object = tokens.slice(imperative.after, imperative.after + 3);
  const toPublisher = object.some((t) => t.normal === "us" || WE.has(t.normal));
  return toPublisher && (readiness || !mask.some(Boolean));
}

/** The publisher speaking about itself: "we are committed to…", "our team can help you…", "let us guide you". */
function findOffer(tokens: TaggedToken[], lex: CompiledLexicon): FunctionVerdict | null {
  for (const range of clauses(tokens)) {
    const [, end] = range;
    let i = headOf(tokens, range);
    if (i >= end) continue;
    if (tokens[i]!.normal === "let" && tokens[i + 1]?.normal === "us") {
      const h = phraseAt(tokens, i + 2, lex.helpVerbs);
      if (h) return { rule: "offer", cue: `let us ${h.join(" ")}` };
      continue;
    }
    if (!WE.has(tokens[i]!.normal)) continue;
    const from = i;
    // "our compassionate team": the whole noun phrase is the subject.
    i++;
    if (tokens[from]!.normal === "our") while (i < end && ["NOUN", "ADJ", "PROPN"].includes(tokens[i]!.pos)) i++;
    const subject = tokens.slice(from, i).map((t) => t.normal).join(" ");
    while (i < end && tokens[i]!.pos === "ADV") i++;
    const verb = tokens[i];
    if (!verb) continue;
    if (verb.lemma === "be") {
      let j = i + 1;
      while (j < end && tokens[j]!.pos === "ADV" && !phraseAt(tokens, j, lex.commitmentWords)) j++;
      const c = phraseAt(tokens, j, lex.commitmentWords);
      if (c) return { rule: "commitment", cue: `${subject} ${verb.normal} ${c.join(" ")}` };
    } else if (MODALS.has(verb.normal)) {
      const h = phraseAt(tokens, i + 1, lex.helpVerbs);
      const addressed = tokens.slice(i + 1, end).some((t) => YOU.has(t.normal));
      if (h && addressed) return { rule: "offer", cue: `${subject} ${verb.normal} ${h.join(" ")}` };
    }
  }
  return null;
}

/**
 * Publisher names, exactly as written (case-sensitive, whole words), stand for
 * the publisher's "we": "Kadelyx Health is committed to…" reads like "we are committed to…".
 * The ordinary words in a name ("Physical Therapy") never match on their own.
 */
export function publisherAsWe(sentence: string, publishers: readonly string[]): string {
  let out = sentence;
  for (const name of [...publishers].sort((a, b) => b.length - a.length)) {
    if (name.trim().split(/\s+/).length < 2) continue;
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"), "we");
  }
  return out;
}

/** Why the sentence is promotional by what it does, or null when it is content. */
export function classifySentence(tokens: TaggedToken[], lex: CompiledLexicon): FunctionVerdict | null {
  const imperative = findImperative(tokens, lex);
  if (imperative?.kind === "book") return { rule: "imperative-book", cue: imperative.cue };
  if (imperative?.kind === "contact" && isContactCta(tokens, imperative, lex)) return { rule: "imperative-contact", cue: imperative.cue };
  return findOffer(tokens, lex);
}
