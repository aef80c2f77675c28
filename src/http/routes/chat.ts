/** `POST /api/chat`: JSON reply, or Server-Sent Events with `Accept: text/event-stream`. */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { ChatRequestSchema } from "../../contract.js";
import type { Logger } from "../../logger.js";
import { sanitizeInput } from "../../route/index.js";
import type { Assistant } from "../../types.js";
import { sendError } from "../errors.js";
import { readJsonBody } from "../read-json.js";

export interface ChatRouteDeps {
  assistant: () => Assistant | null;
  logger: Logger;
}

export function createChatRoutes(deps: ChatRouteDeps) {
  const app = new Hono();
  app.post("/", async (c) => {
    const body = await readJsonBody(c, ChatRequestSchema);
    if (!body.ok) return body.response;
    const request = body.value;
    if (!sanitizeInput(request.message)) {
      return sendError(c, 400, "invalid_request", "The message is empty once invisible characters are removed.", [{ path: "message", message: "must contain visible text" }]);
    }
    const assistant = deps.assistant();
    if (!assistant) return sendError(c, 503, "not_ready", "The assistant is starting; try again in a few seconds.");
    const sessionId = request.sessionId ?? randomUUID();

    if (/\btext\/event-stream\b/i.test(c.req.header("accept") ?? "")) {
      return streamSSE(
        c,
        async (stream) => {
          for await (const event of assistant.stream(request, sessionId, { signal: c.req.raw.signal })) {
            await stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) });
          }
        },
        async (err, stream) => {
          deps.logger.error("chat stream failed", { error: err.name });
          await stream.writeSSE({ event: "error", data: JSON.stringify({ code: "internal_error", message: "Something went wrong. Please try again." }) });
        },
      );
    }
    const { reply } = await assistant.respond(request, sessionId, { signal: c.req.raw.signal });
    return c.json(reply, 200);
  });
  return app;
}
