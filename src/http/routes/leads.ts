/**
 * `POST /api/leads`: a consultation request from the widget. The lead is
 * stored durably (the outbox) before the 202; delivery to the booking system
 * happens in the background. Requires an `Idempotency-Key` header so a retried
 * submission never creates a second lead.
 */
import { Hono } from "hono";
import { IdempotencyKeySchema, LeadRequestSchema, leadBodyHash, toContact } from "../../leads/schema.js";
import type { LeadStore } from "../../leads/store.js";
import { silentLogger, type Logger } from "../../logger.js";
import { sendError, zodDetails } from "../errors.js";
import { readJsonBody } from "../read-json.js";

export interface LeadsRouteDeps {
  store: LeadStore;
  deliverer?: { notify(): void };
  logger?: Logger;
  now?: () => number;
  /** Keep the widget's chat session id with the lead (clinic opt-in); default: drop it. */
  keepSessionId?: boolean;
}

export function createLeadsRoutes(deps: LeadsRouteDeps): Hono {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const app = new Hono();

  app.post("/", async (c) => {
    c.header("Cache-Control", "no-store");
    const body = await readJsonBody(c, LeadRequestSchema);
    if (!body.ok) return body.response;

    const rawKey = c.req.header("idempotency-key");
    if (rawKey === undefined) {
      return sendError(c, 400, "missing_idempotency_key", "Send an 'Idempotency-Key' header (for example a random UUID) so a retried request is not stored twice.");
    }
    const key = IdempotencyKeySchema.safeParse(rawKey);
    if (!key.success) {
      return sendError(c, 400, "invalid_idempotency_key", "The 'Idempotency-Key' header is not valid.", zodDetails(key.error));
    }

    const contact = toContact(body.value, { keepSessionId: deps.keepSessionId ?? false });
    let outcome;
    try {
      outcome = await deps.store.insert({ idempotencyKey: key.data, bodyHash: leadBodyHash(contact), contact, now: now() });
    } catch (err) {
      logger.error("lead store failed", { error: (err as Error).name });
      return sendError(c, 503, "lead_store_unavailable", "Your request could not be saved right now. Please try again in a minute, or call the clinic.");
    }

    if (outcome.kind === "conflict") {
      return sendError(c, 422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
    }
    if (outcome.kind === "replayed") {
      c.header("Idempotent-Replayed", "true");
      return c.json({ leadId: outcome.id }, 202);
    }
    logger.info("lead stored", { leadId: outcome.id });
    deps.deliverer?.notify();
    return c.json({ leadId: outcome.id }, 202);
  });

  return app;
}
