/**
 * The chat contract: one set of zod schemas shared by the server, the widget
 * and the eval runner. Changing a field here changes it everywhere.
 */
import { z } from "zod";

export const MAX_MESSAGE_CHARS = 2000;
export const MAX_HISTORY_TURNS = 10;

export const replyTypes = ["answer", "no_answer", "declined", "emergency", "booking"] as const;
export const ReplyTypeSchema = z.enum(replyTypes);
export type ReplyType = z.infer<typeof ReplyTypeSchema>;

export const TurnSchema = z
  .object({
    role: z.enum(["user", "assistant"]),
    content: z.string().max(8000),
  })
  .strict();
export type Turn = z.infer<typeof TurnSchema>;

export const ChatRequestSchema = z
  .object({
    message: z.string().min(1, "message must not be empty").max(MAX_MESSAGE_CHARS, `message must be at most ${MAX_MESSAGE_CHARS} characters`),
    sessionId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/, "sessionId may contain only letters, digits, '-' and '_'")
      .optional(),
    history: z.array(TurnSchema).max(MAX_HISTORY_TURNS, `history may hold at most ${MAX_HISTORY_TURNS} turns`).optional(),
  })
  .strict();
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const CitationSchema = z
  .object({
    n: z.number().int().positive(),
    articleId: z.string(),
    title: z.string(),
    section: z.string().nullable(),
    url: z.string().nullable(),
    quote: z.string(),
  })
  .strict();
export type Citation = z.infer<typeof CitationSchema>;

export const ActionSchema = z
  .object({
    kind: z.enum(["book", "call", "link"]),
    label: z.string(),
    href: z.string(),
  })
  .strict();
export type Action = z.infer<typeof ActionSchema>;

/**
 * The crisis notice on an ordinary reply when crisis risk is possible but not
 * clear (src/route/risk.ts): a short fixed text and call actions from the
 * clinic config, shown before anything else. A clear crisis gets the
 * `emergency` reply instead, never this.
 */
export const SafetyNoticeSchema = z
  .object({
    level: z.literal("possible"),
    text: z.string().min(1),
    actions: z.array(ActionSchema).min(1),
  })
  .strict();
export type SafetyNotice = z.infer<typeof SafetyNoticeSchema>;

export const ChatReplySchema = z
  .object({
    type: ReplyTypeSchema,
    text: z.string(),
    citations: z.array(CitationSchema),
    disclaimer: z.string().min(1),
    actions: z.array(ActionSchema),
    sessionId: z.string(),
    /** Present only with the crisis notice; absent otherwise, so clients that predate it keep working. */
    safety: SafetyNoticeSchema.optional(),
  })
  .strict();
export type ChatReply = z.infer<typeof ChatReplySchema>;

/** Error body for every 4xx/5xx the API returns. */
export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .strict();
export type ApiError = z.infer<typeof ApiErrorSchema>;

/**
 * Server-Sent Events emitted by `POST /api/chat` with `Accept: text/event-stream`.
 * `safety` (the crisis notice) comes first when the reply carries one, before `meta` and any `delta`.
 */
export type ChatStreamEvent =
  | { event: "safety"; data: SafetyNotice }
  | { event: "meta"; data: { type: ReplyType; sessionId: string } }
  | { event: "delta"; data: { text: string } }
  | { event: "citations"; data: { citations: Citation[] } }
  | { event: "actions"; data: { actions: Action[]; disclaimer: string } }
  | { event: "done"; data: ChatReply }
  | { event: "error"; data: { code: string; message: string } };

/** Markers like `[3]` in reply text. */
export const CITATION_MARKER = /\[(\d+)\]/g;
