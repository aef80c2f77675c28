/**
 * Strict JSON body reading for API routes: content type, size, syntax and
 * schema problems each become a clear 4xx with the shared error body.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { sendError, zodDetails } from "./errors.js";

export const MAX_BODY_BYTES = 16 * 1024;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; response: Response };

export async function readJsonBody<S extends z.ZodTypeAny>(c: Context, schema: S): Promise<ReadResult<z.infer<S>>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    return { ok: false, response: sendError(c, 415, "unsupported_media_type", "Send the request body as JSON with 'Content-Type: application/json'.") };
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: sendError(c, 400, "invalid_json", "The request body is not valid JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, response: sendError(c, 400, "invalid_request", "The request body does not match the API schema.", zodDetails(parsed.error)) };
  }
  return { ok: true, value: parsed.data };
}
