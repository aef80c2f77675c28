/**
 * The chat pipeline: hygiene → safety routing → retrieval → answerability →
 * answer → reply contract. Built once at startup from heavy objects passed in.
 *
 * `plan` does everything up to the answer; `respond` and `stream` only differ
 * in how the answerer's sentences come out (all at once, or one by one as an
 * LLM answerer verifies them).
 */
import type { Clinic } from "./config.js";
import { ChatReplySchema, type ChatReply, type ChatRequest, type ChatStreamEvent, type Turn } from "./contract.js";
import { ExtractiveAnswerer, type AnswerInput, type Answerer } from "./answer/answerer.js";
import { isStreamingAnswerer, type QuestionCondenser } from "./answer/llm/index.js";
import { answerReply, bookingReply, crisisNotice, emergencyReply, noAnswerReply, offTopicReply, personalAdviceReply, withCrisisNotice, type CitedText } from "./answer/reply.js";
import { splitReplyText } from "./answer/stream.js";
import { selectSentences } from "./answer/extractive.js";
import { assessAnswerability } from "./retrieve/evidence.js";
import type { AnswerabilityModel } from "./retrieve/answerability-model.js";
import type { Retriever, ScoredChunk } from "./retrieve/hybrid.js";
import type { Understanding } from "./understand/index.js";
import { assessRisk, emergencyKind, needsPriorTopic, priorQuestion, resolveFollowUp, resolveWithPriorAnswer, routeIntent, routeMessage, sanitizeInput, type SafetyRules, type StandaloneQuestion } from "./route/index.js";
import type { Assistant, AssistantResult, RespondOptions, Trace } from "./types.js";
import { createFingerprinter, type Fingerprinter, type Logger } from "./logger.js";
import { correctSpelling, type Vocabulary } from "./retrieve/spelling.js";

export interface AssistantDeps {
  clinic: Clinic;
  safety: SafetyRules;
  retriever: Retriever;
  understanding: Understanding;
  answerer: Answerer;
  logger: Logger;
  /** Optional LLM condenser for follow-ups; the deterministic resolver is the fallback. */
  condense?: QuestionCondenser | null;
  /** Overrides the committed answerability model (tests). */
  answerability?: AnswerabilityModel;
  /** Corpus vocabulary for typo repair before retrieval; none means questions are taken as typed. */
  vocabulary?: Vocabulary;
  /** Session tags in chat logs; default: keyed per process, rotated daily (see logger.ts). */
  fingerprint?: Fingerprinter;
  /** How many indexed passages contain a stem: which of a previous answer's words lead to other passages. */
  passagesWith?: (stem: string) => number;
}

/** What is left to do once routing and retrieval are done. */
type Plan =
  | { kind: "final"; reply: ChatReply; trace: Trace }
  | { kind: "answer"; input: AnswerInput; trace: Trace; sessionId: string };

export function createAssistant(deps: AssistantDeps): Assistant {
  const extractive = deps.answerer instanceof ExtractiveAnswerer ? deps.answerer : new ExtractiveAnswerer();
  const clinic = deps.clinic;
  const fingerprint = deps.fingerprint ?? createFingerprinter();

  async function standaloneQuestion(message: string, request: ChatRequest, signal?: AbortSignal): Promise<StandaloneQuestion> {
    const history = request.history ?? [];
    if (history.length > 0 && deps.condense) {
      const condensed = await deps.condense(history, message, signal).catch(() => null);
      if (condensed) return { question: condensed, context: [] };
    }
    return resolveWithPriorAnswer(message, history, await priorCitations(message, history), deps.passagesWith);
  }

  /**
   * The passages the assistant cited for the patient's previous question,
   * re-derived by answering it again here (deterministic, extractive):
   * assistant turns in `history` are client-sent and never evidence.
   */
  async function priorCitations(message: string, history: Turn[]) {
    const prior = needsPriorTopic(message, history) ? priorQuestion(history) : null;
    if (!prior || routeMessage(sanitizeInput(prior), deps.safety).kind !== "question") return [];
    const scratch: Trace = { route: "question", risk: { level: "none", rule: null }, standaloneQuestion: null, passages: [], answerability: null, answerer: "fixed" };
    const { input, covered } = await gather(sanitizeInput(prior), scratch);
    const cited = covered ? (extractive.answerSync(input)?.cited.citations ?? []) : [];
    return cited.map((c) => ({ section: c.section, text: c.quote }));
  }

  /** Retrieval plus the evidence check shared by answers and advice refusals. */
  async function gather(asked: string, trace: Trace, context: string[] = []) {
    const question = deps.vocabulary ? correctSpelling(asked, deps.vocabulary) : asked;
    const retrieval = await deps.retriever.retrieve(question, { context });
    const analysis = deps.understanding.analyze(question);
    const { features, ...verdict } = assessAnswerability(analysis, retrieval.passages, deps.answerability);
    trace.features = features;
    trace.standaloneQuestion = question;
    trace.passages = rank(retrieval.passages);
    trace.answerability = verdict;
    const input: AnswerInput = { question, passages: retrieval.passages, analysis, expansionTerms: retrieval.expansionTerms };
    return { input, covered: verdict.covered };
  }

  async function plan(request: ChatRequest, sessionId: string, options: RespondOptions = {}): Promise<Plan> {
    const message = sanitizeInput(request.message);
    // The conversation's crisis risk comes first; a clear crisis never reaches retrieval.
    const risk = assessRisk(message, request.history ?? [], deps.safety);
    if (risk.level === "clear") {
      const trace: Trace = { route: risk.rule ?? "emergency", risk, standaloneQuestion: null, passages: [], answerability: null, answerer: "fixed" };
      return { kind: "final", reply: emergencyReply(clinic, sessionId, emergencyKind(risk, deps.safety.riskModel.taxonomy)), trace };
    }
    const decision = routeIntent(message, deps.safety);
    const trace: Trace = { route: decision.rule ?? decision.kind, risk, standaloneQuestion: null, passages: [], answerability: null, answerer: "fixed" };
    const final = (reply: ChatReply): Plan => ({ kind: "final", reply, trace });

    switch (decision.kind) {
      case "emergency": // routeIntent leaves crises to assessRisk; kept so every kind is handled
        return final(emergencyReply(clinic, sessionId));
      case "booking":
        return final(bookingReply(clinic, sessionId));
      case "off_topic":
        return final(offTopicReply(clinic, sessionId));
      case "personal_advice": {
        // General facts only, always extractive: a refusal never depends on an LLM.
        const { input, covered } = await gather(resolveFollowUp(message, request.history ?? []), trace);
        const facts = covered ? extractive.answerSync(input) : null;
        if (facts) trace.answerer = "extractive";
        return final(personalAdviceReply(clinic, sessionId, facts ? limitFacts(facts.cited) : null));
      }
      case "question": {
        const standalone = await standaloneQuestion(message, request, options.signal);
        const { input, covered } = await gather(standalone.question, trace, standalone.context);
        if (!covered) return final(noAnswerReply(clinic, sessionId));
        // An LLM words the same evidence: the passages holding the sentences the extractive
        // selection would quote (all top passages when it found none).
        const passages = deps.answerer === extractive ? input.passages : evidenceFirst(input);
        return { kind: "answer", input: { ...input, passages, signal: options.signal }, trace, sessionId };
      }
    }
  }

  function finish(trace: Trace, sessionId: string, cited: CitedText | null, producedBy: "extractive" | "llm"): ChatReply {
    if (!cited || cited.citations.length === 0) return noAnswerReply(clinic, sessionId);
    trace.answerer = producedBy;
    return answerReply(clinic, sessionId, cited, cited.citations[0]?.articleId ?? "question");
  }

  /** Every reply at risk level `possible` carries the crisis notice, whatever its type. */
  function guard(reply: ChatReply, trace: Trace): ChatReply {
    return trace.risk.level === "possible" ? withCrisisNotice(clinic, reply) : reply;
  }

  function log(request: ChatRequest, sessionId: string, reply: ChatReply, trace: Trace, started: number) {
    deps.logger.info("chat", {
      // A crisis line carries no session tag at all: nothing may tie a person's crisis to their other chats or a lead.
      ...(reply.type === "emergency" ? {} : { session: fingerprint(sessionId) }),
      route: trace.route,
      risk: trace.risk.level,
      riskRule: trace.risk.rule,
      type: reply.type,
      answerer: trace.answerer,
      chars: request.message.length,
      historyTurns: request.history?.length ?? 0,
      citations: reply.citations.length,
      coverage: trace.answerability?.coverage ?? null,
      ms: Math.round(performance.now() - started),
    });
  }

  async function respond(request: ChatRequest, sessionId: string, options: RespondOptions = {}): Promise<AssistantResult> {
    const started = performance.now();
    const p = await plan(request, sessionId, options);
    let reply: ChatReply;
    if (p.kind === "final") reply = guard(p.reply, p.trace);
    else {
      const output = await deps.answerer.answer(p.input);
      reply = guard(finish(p.trace, sessionId, output?.cited ?? null, output?.producedBy ?? "extractive"), p.trace);
    }
    log(request, sessionId, reply, p.trace, started);
    // The contract is the promise to every client: never send a reply that breaks it.
    return { reply: ChatReplySchema.parse(reply), trace: p.trace };
  }

  async function* stream(request: ChatRequest, sessionId: string, options: RespondOptions = {}): AsyncGenerator<ChatStreamEvent> {
    const answerer = deps.answerer;
    if (!isStreamingAnswerer(answerer)) {
      const { reply } = await respond(request, sessionId, options);
      yield* replyToEvents(reply);
      return;
    }
    const started = performance.now();
    const p = await plan(request, sessionId, options);
    if (p.kind === "final") {
      const reply = ChatReplySchema.parse(guard(p.reply, p.trace));
      log(request, sessionId, reply, p.trace, started);
      yield* replyToEvents(reply);
      return;
    }
    // The crisis notice goes out before the answerer starts: a slow LLM never delays it.
    const notice = p.trace.risk.level === "possible" ? crisisNotice(clinic) : undefined;
    if (notice) yield { event: "safety", data: notice };
    // Verified sentences go out as soon as each passes; the final reply carries the same text.
    let sent = 0;
    let output = null;
    for await (const event of answerer.answerStream(p.input)) {
      if (event.type === "done") {
        output = event.output;
        break;
      }
      if (sent === 0) yield { event: "meta", data: { type: "answer", sessionId } };
      yield { event: "delta", data: { text: sent === 0 ? event.text : ` ${event.text}` } };
      sent++;
    }
    const reply = ChatReplySchema.parse(guard(finish(p.trace, sessionId, output?.cited ?? null, output?.producedBy ?? "extractive"), p.trace));
    log(request, sessionId, reply, p.trace, started);
    if (sent === 0) {
      yield* replyToEvents(reply, { noticeSent: notice !== undefined });
      return;
    }
    yield* tailEvents(reply);
  }

  return { respond, stream };
}

function evidenceFirst(input: AnswerInput): ScoredChunk[] {
  const chosen = new Set(selectSentences(input).map((s) => s.chunk.id));
  const evidence = input.passages.filter((p) => chosen.has(p.chunk.id));
  return evidence.length > 0 ? evidence : input.passages;
}

function rank(passages: ScoredChunk[]) {
  return passages.map((p, i) => ({
    rank: i + 1,
    chunkId: p.chunk.id,
    articleId: p.chunk.articleId,
    title: p.chunk.title,
    section: p.chunk.section,
    score: Number(p.score.toFixed(4)),
  }));
}

/** At most two cited sentences beside a refusal: enough to inform, not enough to read as advice. */
function limitFacts(cited: CitedText): CitedText {
  const sentences = splitReplyText(cited.text).slice(0, 2);
  const used = new Set(sentences.flatMap((s) => [...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))));
  return { text: sentences.join(" "), citations: cited.citations.filter((c) => used.has(c.n)) };
}

function* tailEvents(reply: ChatReply): Generator<ChatStreamEvent> {
  yield { event: "citations", data: { citations: reply.citations } };
  yield { event: "actions", data: { actions: reply.actions, disclaimer: reply.disclaimer } };
  yield { event: "done", data: reply };
}

/** The SSE sequence for a finished reply: the crisis notice (if any), meta, one delta per sentence, citations, actions, done. */
export function* replyToEvents(reply: ChatReply, options: { noticeSent?: boolean } = {}): Generator<ChatStreamEvent> {
  if (reply.safety && !options.noticeSent) yield { event: "safety", data: reply.safety };
  yield { event: "meta", data: { type: reply.type, sessionId: reply.sessionId } };
  const parts = splitReplyText(reply.text);
  for (const [i, part] of parts.entries()) yield { event: "delta", data: { text: i === 0 ? part : ` ${part}` } };
  yield* tailEvents(reply);
}
