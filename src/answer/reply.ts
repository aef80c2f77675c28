/**
 * Reply assembly: cited text from chosen sentences, fixed replies from the
 * clinic config, and the actions each reply type carries. Pure functions.
 */
import type { Clinic } from "../config.js";
import type { Action, ChatReply, Citation, ReplyType, SafetyNotice } from "../contract.js";
import type { SentenceRef } from "./extractive.js";

export interface CitedText {
  text: string;
  citations: Citation[];
}

/**
 * Adjacent sentences of one passage share a citation whose quote is the
 * contiguous span; every sentence ends with its marker.
 */
export function citeSentences(sentences: SentenceRef[], firstN = 1): CitedText {
  const groups: SentenceRef[][] = [];
  for (const s of sentences) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && last.chunk.id === s.chunk.id && last.line === s.line && last.index + 1 === s.index) group.push(s);
    else groups.push([s]);
  }
  const citations: Citation[] = [];
  const parts: string[] = [];
  groups.forEach((group, i) => {
    const n = firstN + i;
    const chunk = group[0]!.chunk;
    citations.push({
      n,
      articleId: chunk.articleId,
      title: chunk.title,
      section: chunk.section,
      url: chunk.url,
      quote: group.map((s) => s.text).join(" "),
    });
    for (const s of group) parts.push(`${s.text} [${n}]`);
  });
  return { text: parts.join(" "), citations };
}

/** Booking link with a topic (never the patient's words: URLs end up in other systems' logs). */
export function bookAction(clinic: Clinic, topic: string): Action {
  const url = new URL(clinic.bookingUrl);
  url.searchParams.set("topic", topic);
  return { kind: "book", label: clinic.bookingLabel, href: url.toString() };
}

export function callClinicAction(clinic: Clinic): Action {
  return { kind: "call", label: `Call ${clinic.name}`, href: `tel:${clinic.phone.replace(/[^\d+]/g, "")}` };
}

interface ReplyParts {
  type: ReplyType;
  text: string;
  citations?: Citation[];
  actions: Action[];
}

export function makeReply(clinic: Clinic, sessionId: string, parts: ReplyParts): ChatReply {
  return {
    type: parts.type,
    text: parts.text,
    citations: parts.citations ?? [],
    disclaimer: clinic.disclaimer,
    actions: parts.actions,
    sessionId,
  };
}

/** Crisis first: fixed text and call actions, no retrieval, no booking push. A medical emergency gets the clinic's `medicalText` when it has one. */
export function emergencyReply(clinic: Clinic, sessionId: string, kind: "crisis" | "medical" = "crisis"): ChatReply {
  const actions = [...clinic.emergency.actions].sort((a, b) => Number(b.kind === "call") - Number(a.kind === "call"));
  const text = kind === "medical" ? (clinic.emergency.medicalText ?? clinic.emergency.text) : clinic.emergency.text;
  return makeReply(clinic, sessionId, { type: "emergency", text, actions });
}

/** The clinic's crisis notice, call actions first (risk level `possible`). */
/** Used when a clinic file has no `crisisNotice`: its numbers come from the clinic's own emergency actions. */
export const DEFAULT_CRISIS_NOTICE_TEXT =
  "If you are thinking about harming yourself, or you are in danger, please reach out now: you can call any time.";

export function crisisNotice(clinic: Clinic): SafetyNotice {
  const source = clinic.crisisNotice ?? { text: DEFAULT_CRISIS_NOTICE_TEXT, actions: clinic.emergency.actions.filter((a) => a.kind === "call") };
  const actions = [...source.actions].sort((a, b) => Number(b.kind === "call") - Number(a.kind === "call"));
  return { level: "possible", text: source.text, actions };
}

/** The same reply with the crisis notice; an emergency reply already is the crisis guidance. */
export function withCrisisNotice(clinic: Clinic, reply: ChatReply): ChatReply {
  return reply.type === "emergency" ? reply : { ...reply, safety: crisisNotice(clinic) };
}

export function bookingReply(clinic: Clinic, sessionId: string): ChatReply {
  return makeReply(clinic, sessionId, { type: "booking", text: clinic.replies.booking, actions: [bookAction(clinic, "consultation"), callClinicAction(clinic)] });
}

export function offTopicReply(clinic: Clinic, sessionId: string): ChatReply {
  return makeReply(clinic, sessionId, { type: "declined", text: clinic.replies.offTopic, actions: [bookAction(clinic, "consultation")] });
}

export function noAnswerReply(clinic: Clinic, sessionId: string): ChatReply {
  return makeReply(clinic, sessionId, { type: "no_answer", text: clinic.replies.noAnswer, actions: [bookAction(clinic, "question"), callClinicAction(clinic)] });
}

/** Declines personal advice kindly; general cited facts follow when the articles have them. */
export function personalAdviceReply(clinic: Clinic, sessionId: string, facts: CitedText | null): ChatReply {
  const text = facts && facts.citations.length > 0 ? `${clinic.replies.personalAdvice} ${clinic.replies.generalFactsIntro} ${facts.text}` : clinic.replies.personalAdvice;
  return makeReply(clinic, sessionId, {
    type: "declined",
    text,
    citations: facts?.citations ?? [],
    actions: [bookAction(clinic, "clinician-consultation")],
  });
}

export function answerReply(clinic: Clinic, sessionId: string, cited: CitedText, topic: string): ChatReply {
  return makeReply(clinic, sessionId, { type: "answer", text: cited.text, citations: cited.citations, actions: [bookAction(clinic, topic)] });
}
