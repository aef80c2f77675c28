/**
 * Turns a short follow-up into a standalone question for retrieval. Two
 * sources of topic, both derived on the server:
 * - the patient's earlier questions ("and the side effects?" after "how long
 *   does a session last?");
 * - what the assistant cited for the patient's previous question ("which of
 *   the two is gentler?" after an answer comparing two ways of giving a drug).
 *   The caller re-derives those citations by answering the previous question
 *   again (retrieval, evidence check, extractive answer); assistant turns in
 *   `history` are client-sent and are never read, so they can never steer
 *   retrieval.
 * Pure and deterministic.
 */
import type { Turn } from "../contract.js";
import { wordTokens } from "../answer/text.js";
import { contentTerms, termWeight } from "../retrieve/terms.js";
import { answerTypeOf, FIGURE_TYPES, isFigureUnit } from "../understand/answer-type.js";

const REFERS_BACK =
  /\b(?:it|its|that|this|those|these|they|them|their|there|one|ones|same|both|either|neither|former|latter)\b|\bthe (?:two|three|other|first|second|last)\b/i;
const COUNTED_REFERENCE = /\bthe (?:two|three)\b/gi;
const ELLIPTIC_OPENER = /^\s*(?:and|also|plus|so|but|what about|how about|and what about|what of|or)\b/i;
const MAX_FOLLOW_UP_WORDS = 10;
/** Words carried from the patient's earlier questions, and from the previous answer's passages. */
const MAX_USER_TOPIC = 6;
const MAX_ANSWER_TOPIC = 6;
/** Distinctive words taken from the previous answer's quotes. */
const MAX_QUOTE_WORDS = 4;

/** What the previous answer cited: a section heading and the quoted text. */
export interface TopicPassage {
  section: string | null;
  text: string;
}

/** Words that say what a text is about (not how it is asked). */
function topicWords(text: string): string[] {
  const stems = new Set(contentTerms(text).filter((t) => termWeight(t) === 1));
  return wordTokens(text).filter((w) => stems.has(contentTerms(w)[0] ?? ""));
}

/**
 * A follow-up's own topic: its topic words, less the unit of the figure it asks
 * for. "and for how many weeks?" asks for a figure about the earlier topic; it
 * does not start a new one about weeks. "what kind of sessions are they?" asks
 * for no figure: there "sessions" is the topic.
 */
function ownTopicWords(message: string): string[] {
  const words = topicWords(message);
  return FIGURE_TYPES.has(answerTypeOf(message)) ? words.filter((w) => !isFigureUnit(w)) : words;
}

type FollowUpKind = "standalone" | "new-topic" | "borrow";

function followUpKind(message: string): FollowUpKind {
  const ownTopic = ownTopicWords(message);
  // A long message stands on its own, unless it names no topic at all ("and how often will I
  // have to come in during that?" is about whatever "that" was).
  if (wordTokens(message).length > MAX_FOLLOW_UP_WORDS && ownTopic.length > 0) return "standalone";
  const elliptic = ELLIPTIC_OPENER.test(message);
  const refersBack = REFERS_BACK.test(message);
  // "what about the side effects?" names a new topic: it stands on its own.
  if (elliptic && !refersBack && ownTopic.length > 0) return "new-topic";
  // "how long does that last?" / "is it safe?" / "and for fibromyalgia?": borrow the previous topic.
  if (refersBack || elliptic || ownTopic.length === 0) return "borrow";
  return "standalone";
}

function resolveOne(message: string, previousTopic: string[]): string {
  if (previousTopic.length === 0) return message;
  switch (followUpKind(message)) {
    case "new-topic":
      return message.replace(ELLIPTIC_OPENER, "").trim() || message;
    case "borrow": {
      const ownTopic = ownTopicWords(message);
      const borrowed = previousTopic.filter((w) => !ownTopic.includes(w));
      return borrowed.length > 0 ? `${message.trim()} (${borrowed.join(" ")})` : message;
    }
    case "standalone":
      return message;
  }
}

/** The topic of the patient's turns so far, each resolved against the ones before it. */
function userTopic(history: readonly Turn[]): string[] {
  let topic: string[] = [];
  for (const turn of history) {
    if (turn.role !== "user") continue;
    const words = topicWords(resolveOne(turn.content, topic));
    if (words.length > 0) topic = [...new Set(words)].slice(0, MAX_USER_TOPIC);
  }
  return topic;
}

/** True when the message leans on an earlier turn: only then is the previous answer worth re-deriving. */
export function needsPriorTopic(message: string, history: readonly Turn[]): boolean {
  return history.some((t) => t.role === "user") && followUpKind(message) === "borrow";
}

/** The patient's previous question as retrieval saw it (resolved against the turns before it), or null. */
export function priorQuestion(history: readonly Turn[]): string | null {
  const users = history.filter((t) => t.role === "user");
  const last = users.at(-1);
  return last ? resolveOne(last.content, userTopic(users.slice(0, -1))) : null;
}

/**
 * What a previous answer was about, from what it cited: the sections'
 * headings' topic words, then the quoted text's most specific words.
 * `passagesWith` (how many indexed passages contain a stem) keeps only words
 * found in more than one passage: a word only the cited passage uses can only
 * lead back to it, while "infusion" and "nasal spray" in a quote about the two
 * ways of giving a drug lead to the passage comparing them. Rarer words first.
 */
export function answerTopicWords(cited: readonly TopicPassage[], passagesWith?: (stem: string) => number): string[] {
  const df = (w: string) => passagesWith?.(contentTerms(w)[0] ?? w) ?? 2;
  const links = (words: string[]) => [...new Set(words)].filter((w) => df(w) >= 2);
  const headings = links(cited.flatMap((c) => topicWords(c.section ?? "")));
  const quoted = links(cited.flatMap((c) => topicWords(c.text)))
    .map((word, i) => ({ word, i, df: df(word) }))
    .sort((a, b) => a.df - b.df || a.i - b.i)
    .slice(0, MAX_QUOTE_WORDS)
    .map((w) => w.word);
  return [...new Set([...headings, ...quoted])].slice(0, MAX_ANSWER_TOPIC);
}

/** The standalone question for `message`, with the topic of the patient's earlier questions filled in. */
export function resolveFollowUp(message: string, history: readonly Turn[]): string {
  return resolveOne(message, userTopic(history));
}

/** A question for retrieval: the text, and words carried over from earlier turns that rank below it. */
export interface StandaloneQuestion {
  question: string;
  context: string[];
}

/**
 * The standalone question for `message`, given the passages the assistant
 * cited for the patient's previous question (see `priorQuestion`; re-derived
 * by the caller, empty when it got no answer).
 *
 * With a previous answer, a follow-up that leans on it is searched by its own
 * words first, with the patient's earlier topic and the answer's topic as
 * context (`context`, ranked below them): "that" in "does that wear off?" is
 * what the answer was about, and the follow-up's own words ("wear off") pick
 * which passage on that topic answers. The answer's words never become part of
 * the question the evidence must cover: a passage matching them is the one
 * already shown, and says nothing about "wear off". Without a previous answer,
 * the patient's earlier words are filled into the question as before.
 */
export function resolveWithPriorAnswer(
  message: string,
  history: readonly Turn[],
  cited: readonly TopicPassage[],
  passagesWith?: (stem: string) => number,
): StandaloneQuestion {
  const answerTopic = answerTopicWords(cited, passagesWith);
  const filledIn = resolveFollowUp(message, history);
  if (answerTopic.length === 0 || !needsPriorTopic(message, history)) return { question: filledIn, context: [] };
  const own = new Set(ownTopicWords(message));
  // "how many of them would I need?" has no topic word of its own: the patient's earlier words are
  // its topic, as without an answer (the answer's words would pull back to the passage already shown).
  if (own.size === 0) return { question: filledIn, context: [] };
  const earlier = userTopic(history).filter((w) => !own.has(w));
  // The patient's earlier words stay part of the question (evidence must cover them) only when they
  // lead beyond the passage already shown: "dose" in "what happens right after a dose?" does not.
  const kept = earlier.filter((w) => (passagesWith?.(contentTerms(w)[0] ?? w) ?? 2) >= 2);
  // "which of the two…": the number refers back to the answer, it is not a topic of its own.
  const asked = message.trim().replace(COUNTED_REFERENCE, "them");
  return {
    question: kept.length > 0 ? `${asked} (${kept.join(" ")})` : asked,
    context: [...new Set([...earlier, ...answerTopic])].filter((w) => !own.has(w)),
  };
}
