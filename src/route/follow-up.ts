/**
 * Turns a short follow-up into a standalone question for retrieval, using the
 * patient's earlier questions ("and the side effects?" after "how long does a
 * session last?"). Deterministic; only the patient's own turns are used, so
 * assistant text in `history` can never steer retrieval.
 */
import type { Turn } from "../contract.js";
import { wordTokens } from "../answer/text.js";
import { contentTerms, termWeight } from "../retrieve/terms.js";

const REFERS_BACK = /\b(?:it|its|that|this|those|these|they|them|their|there|one|ones|same)\b/i;
const ELLIPTIC_OPENER = /^\s*(?:and|also|plus|so|but|what about|how about|and what about|what of|or)\b/i;
const MAX_FOLLOW_UP_WORDS = 10;

/** Words that say what a question is about (not how it is asked). */
function topicWords(text: string): string[] {
  const stems = new Set(contentTerms(text).filter((t) => termWeight(t) === 1));
  return wordTokens(text).filter((w) => stems.has(contentTerms(w)[0] ?? ""));
}

function resolveOne(message: string, previousTopic: string[]): string {
  const words = wordTokens(message);
  if (previousTopic.length === 0 || words.length > MAX_FOLLOW_UP_WORDS) return message;
  const ownTopic = topicWords(message);
  const elliptic = ELLIPTIC_OPENER.test(message);
  const refersBack = REFERS_BACK.test(message);
  // "what about the side effects?" names a new topic: it stands on its own.
  if (elliptic && !refersBack && ownTopic.length > 0) return message.replace(ELLIPTIC_OPENER, "").trim() || message;
  // "how long does that last?" / "is it safe?" / "and for fibromyalgia?": borrow the previous topic.
  if (refersBack || elliptic || ownTopic.length === 0) {
    const borrowed = previousTopic.filter((w) => !ownTopic.includes(w));
    return borrowed.length > 0 ? `${message.trim()} (${borrowed.join(" ")})` : message;
  }
  return message;
}

export function resolveFollowUp(message: string, history: Turn[]): string {
  let topic: string[] = [];
  for (const turn of history) {
    if (turn.role !== "user") continue;
    const resolved = resolveOne(turn.content, topic);
    const words = topicWords(resolved);
    if (words.length > 0) topic = [...new Set(words)].slice(0, 6);
  }
  return resolveOne(message, topic);
}
