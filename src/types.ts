/**
 * Plain data passed between pipeline steps (ingest → index → retrieve → answer).
 * Pure functions take and return these; I/O lives at the edges.
 */
import type { ChatReply, ChatRequest, ChatStreamEvent, ReplyType } from "./contract.js";

/** One approved article, parsed from a clinic's `articles/*.md`. */
export interface Article {
  id: string;
  title: string;
  publisher: string;
  reviewed: string;
  status: "approved" | "draft";
  url: string | null;
  /** Markdown body without front-matter. */
  body: string;
  /** File the article came from, relative to the corpus directory. */
  source: string;
}

/** A retrievable passage of an article. */
export interface Chunk {
  /** Stable id: `<articleId>#<ordinal>`. */
  id: string;
  articleId: string;
  title: string;
  url: string | null;
  /** Nearest heading above the passage, null when the passage precedes every heading. */
  section: string | null;
  /** Headings from the outermost section down to `section`. */
  sectionPath: string[];
  /** Plain text; one line per source block (paragraph or list item). */
  text: string;
  /** Lines of `text` that are list items, ascending (a list answers "what should I bring?" whole). */
  listLines: number[];
  /** Call-to-action / sales text: indexed for completeness, never used as answer evidence. */
  promotional: boolean;
  ordinal: number;
}

/** A chunk as ranked for one question. */
export interface RankedPassage {
  rank: number;
  chunkId: string;
  articleId: string;
  title: string;
  section: string | null;
  score: number;
}

/** What the pipeline decided and saw; exposed to evals, never to patients. */
export interface Trace {
  route: string;
  /** Crisis risk of the message within its conversation (src/route/risk.ts). */
  risk: { level: "none" | "possible" | "clear"; rule: string | null };
  /** The question retrieval saw (follow-ups resolved against history). */
  standaloneQuestion: string | null;
  passages: RankedPassage[];
  answerability: { covered: boolean; coverage: number; reason: string } | null;
  /** The answerability signals (evals and `npm run train:answers` read them). */
  features?: Record<string, number>;
  answerer: "extractive" | "llm" | "fixed";
}

export interface AssistantResult {
  reply: ChatReply;
  trace: Trace;
}

export interface RespondOptions {
  /** Aborted when the client goes away: stops LLM calls made for this request. */
  signal?: AbortSignal;
}

/** The assistant as the HTTP layer and the eval runner see it. */
export interface Assistant {
  respond(request: ChatRequest, sessionId: string, options?: RespondOptions): Promise<AssistantResult>;
  /** Same reply as `respond`, as a sequence of stream events ending in `done`. */
  stream(request: ChatRequest, sessionId: string, options?: RespondOptions): AsyncIterable<ChatStreamEvent>;
}

export type { ReplyType };
