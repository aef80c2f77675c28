/**
 * `POST /internal/retrieve`: the ranked passages and routing behind a reply,
 * for the eval runner over HTTP. Mounted only when INTERNAL_API=true.
 */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { ChatRequestSchema } from "../../contract.js";
import type { Assistant } from "../../types.js";
import { sendError } from "../errors.js";
import { readJsonBody } from "../read-json.js";

export function createInternalRoutes(deps: { assistant: () => Assistant | null }) {
  const app = new Hono();
  app.post("/retrieve", async (c) => {
    const body = await readJsonBody(c, ChatRequestSchema);
    if (!body.ok) return body.response;
    const assistant = deps.assistant();
    if (!assistant) return sendError(c, 503, "not_ready", "The assistant is starting; try again in a few seconds.");
    const { trace, reply } = await assistant.respond(body.value, body.value.sessionId ?? randomUUID());
    return c.json({ route: trace.route, type: reply.type, standaloneQuestion: trace.standaloneQuestion, passages: trace.passages, answerability: trace.answerability, answerer: trace.answerer });
  });
  return app;
}
