/**
 * The chat pipeline: hygiene → safety routing → retrieval → answerability →
 * answer → reply contract. Built once at startup from heavy objects passed in.
 */
import type { Clinic } from "./config.js";
import { ChatReplySchema, type ChatReply, type ChatRequest, type ChatStreamEvent } from "./contract.js";
import type { Answerer } from "./answer/answerer.js";
import { ExtractiveAnswerer } from "./answer/answerer.js";
import { answerReply, bookingReply, emergencyReply, noAnswerReply, offTopicReply, personalAdviceReply } from "./answer/reply.js";
import { splitReplyText } from "./answer/stream.js";
import { assessAnswerability, keyTerms, type AnswerabilityOptions, DEFAULT_ANSWERABILITY, type TermStats } from "./retrieve/evidence.js";
import type { Retriever } from "./retrieve/hybrid.js";
import { matchLexicon, type Lexicon } from "./retrieve/lexicon.js";
import { resolveFollowUp, routeMessage, sanitizeInput, type SafetyRules } from "./route/index.js";
import type { Assistant, AssistantResult, Trace } from "./types.js";
import type { Logger } from "./logger.js";
import { fingerprint } from "./logger.js";

export interface AssistantDeps {
  clinic: Clinic;
  safety: SafetyRules;
  retriever: Retriever;
  lexicon: Lexicon;
  termStats: TermStats;
  answerer: Answerer;
  logger: Logger;
  answerability?: AnswerabilityOptions;
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const extractive = deps.answerer instanceof ExtractiveAnswerer ? deps.answerer : new ExtractiveAnswerer();
  const answerability = deps.answerability ?? DEFAULT_ANSWERABILITY;

  /** Retrieval plus the evidence check shared by answers and advice refusals. */
  async function gather(question: string) {
    const retrieval = await deps.retriever.retrieve(question);
    const keys = keyTerms(retrieval.queryTerms, matchLexicon(question, deps.lexicon), deps.termStats);
    const verdict = assessAnswerability(
      keys,
      retrieval.passages.slice(0, 5).map((p) => p.chunk),
      answerability,
    );
    return { retrieval, keys, verdict };
  }

  async function respond(request: ChatRequest, sessionId: string): Promise<AssistantResult> {
    const started = performance.now();
    const message = sanitizeInput(request.message);
    const decision = routeMessage(message, deps.safety);
    const trace: Trace = { route: decision.rule ?? decision.kind, standaloneQuestion: null, passages: [], answerability: null, answerer: "fixed" };
    let reply: ChatReply;

    switch (decision.kind) {
      case "emergency":
        reply = emergencyReply(deps.clinic, sessionId);
        break;
      case "booking":
        reply = bookingReply(deps.clinic, sessionId);
        break;
      case "off_topic":
        reply = offTopicReply(deps.clinic, sessionId);
        break;
      case "personal_advice": {
        // General facts only, always extractive: a refusal must not depend on an LLM.
        const question = resolveFollowUp(message, request.history ?? []);
        const { retrieval, keys, verdict } = await gather(question);
        trace.standaloneQuestion = question;
        trace.passages = rank(retrieval.passages);
        trace.answerability = verdict;
        const facts = verdict.covered
          ? extractive.answerSync({ question, passages: retrieval.passages, keys, expansionTerms: retrieval.expansionTerms })
          : null;
        const limited = facts ? { ...facts.cited, ...limitFacts(facts.cited) } : null;
        reply = personalAdviceReply(deps.clinic, sessionId, limited);
        trace.answerer = limited ? "extractive" : "fixed";
        break;
      }
      case "question": {
        const question = resolveFollowUp(message, request.history ?? []);
        const { retrieval, keys, verdict } = await gather(question);
        trace.standaloneQuestion = question;
        trace.passages = rank(retrieval.passages);
        trace.answerability = verdict;
        const output = verdict.covered
          ? await deps.answerer.answer({ question, passages: retrieval.passages, keys, expansionTerms: retrieval.expansionTerms })
          : null;
        if (output) {
          reply = answerReply(deps.clinic, sessionId, output.cited, output.cited.citations[0]?.articleId ?? "question");
          trace.answerer = output.producedBy;
        } else {
          reply = noAnswerReply(deps.clinic, sessionId);
        }
        break;
      }
    }

    deps.logger.info("chat", {
      session: fingerprint(sessionId),
      route: trace.route,
      type: reply.type,
      answerer: trace.answerer,
      chars: request.message.length,
      historyTurns: request.history?.length ?? 0,
      citations: reply.citations.length,
      coverage: trace.answerability?.coverage ?? null,
      ms: Math.round(performance.now() - started),
    });
    // The contract is the promise to every client: never send a reply that breaks it.
    return { reply: ChatReplySchema.parse(reply), trace };
  }

  return {
    respond,
    async *stream(request, sessionId): AsyncIterable<ChatStreamEvent> {
      const { reply } = await respond(request, sessionId);
      yield* replyToEvents(reply);
    },
  };
}

function rank(passages: Array<{ chunk: { id: string; articleId: string; title: string; section: string | null }; score: number }>) {
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
function limitFacts(cited: { text: string; citations: ChatReply["citations"] }) {
  const sentences = splitReplyText(cited.text).slice(0, 2);
  const used = new Set(sentences.flatMap((s) => [...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))));
  return { text: sentences.join(" "), citations: cited.citations.filter((c) => used.has(c.n)) };
}

/** The SSE sequence for a finished reply: meta, one delta per sentence, citations, actions, done. */
export function* replyToEvents(reply: ChatReply): Generator<ChatStreamEvent> {
  yield { event: "meta", data: { type: reply.type, sessionId: reply.sessionId } };
  const parts = splitReplyText(reply.text);
  for (const [i, part] of parts.entries()) yield { event: "delta", data: { text: i === 0 ? part : ` ${part}` } };
  yield { event: "citations", data: { citations: reply.citations } };
  yield { event: "actions", data: { actions: reply.actions, disclaimer: reply.disclaimer } };
  yield { event: "done", data: reply };
}

