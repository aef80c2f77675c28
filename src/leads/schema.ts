/**
 * The lead (consultation request) contract: what the widget sends to
 * `POST /api/leads` and what the booking webhook receives.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ChatRequestSchema } from "../contract.js";
import { hasVisibleCharacter, stripBidiControls } from "./text.js";

export const MAX_REASON_CHARS = 500;
export const MAX_IDEMPOTENCY_KEY_CHARS = 200;

// Control characters have no place in a name or phone number; in free text only line breaks and tabs do.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROL_EXCEPT_NEWLINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const PHONE_CHARS = /^\+?[0-9()\-. ]+$/;

/** HTML forms send "" for untouched optional inputs: treat blank as absent. */
const optionalText = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** Free text shown to staff: bidi controls removed, trimmed, bounded, and something visible left. */
const visibleText = (field: string, max: number, noControl: RegExp) =>
  z
    .string()
    .transform(stripBidiControls)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `${field} must not be empty`, abort: true })
        .max(max, `${field} must be at most ${max} characters`)
        .regex(noControl, `${field} must not contain control characters`)
        .refine(hasVisibleCharacter, `${field} must contain visible characters`),
    );

const phone = z
  .string()
  .trim()
  .max(30, "phone must be at most 30 characters")
  .regex(PHONE_CHARS, "phone may contain only digits, spaces, '+', '(', ')', '-' and '.'")
  .refine((v) => {
    const digits = v.replace(/\D/g, "").length;
    return digits >= 7 && digits <= 20;
  }, "phone must have 7 to 20 digits");

export const LeadRequestSchema = z
  .object({
    name: visibleText("name", 100, NO_CONTROL),
    email: optionalText(z.string().trim().max(254, "email must be at most 254 characters").pipe(z.email("email must be a valid email address"))),
    phone: optionalText(phone),
    preferredTime: optionalText(visibleText("preferredTime", 100, NO_CONTROL)),
    reason: optionalText(visibleText("reason", MAX_REASON_CHARS, NO_CONTROL_EXCEPT_NEWLINES)),
    consent: z.literal(true, { error: "consent must be true" }),
    sessionId: ChatRequestSchema.shape.sessionId,
  })
  .strict()
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    message: "give an email address or a phone number (or both)",
    path: ["email"],
  });
export type LeadRequest = z.infer<typeof LeadRequestSchema>;

/** The personal data stored for a lead (consent is implied: a lead cannot exist without it). */
export interface LeadContact {
  name: string;
  email: string | null;
  phone: string | null;
  preferredTime: string | null;
  reason: string | null;
  sessionId: string | null;
}

/**
 * The stored contact. The chat session id is kept only when the clinic opted
 * in (LEADS_INCLUDE_SESSION_ID): with it, whoever holds the lead could look
 * for that person's conversations.
 */
export function toContact(request: LeadRequest, options: { keepSessionId?: boolean } = {}): LeadContact {
  return {
    name: request.name,
    email: request.email ?? null,
    phone: request.phone ?? null,
    preferredTime: request.preferredTime ?? null,
    reason: request.reason ?? null,
    sessionId: options.keepSessionId ? (request.sessionId ?? null) : null,
  };
}

export const LeadContactSchema = z
  .object({
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    preferredTime: z.string().nullable(),
    reason: z.string().nullable(),
    sessionId: z.string().nullable(),
  })
  .strict();

/**
 * Fingerprint of a request's meaning (after validation and trimming), so a
 * retry that differs only in whitespace or key order counts as "the same body".
 */
export function leadBodyHash(contact: LeadContact): string {
  const canonical = JSON.stringify(Object.keys(contact).sort().map((k) => [k, contact[k as keyof LeadContact]]));
  return createHash("sha256").update(canonical).digest("hex");
}

/** Idempotency keys: visible ASCII (UUIDs, ULIDs, random tokens), 1–200 characters. */
export const IdempotencyKeySchema = z
  .string()
  .trim()
  .min(1, "Idempotency-Key must not be empty")
  .max(MAX_IDEMPOTENCY_KEY_CHARS, `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_CHARS} characters`)
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key may contain only visible ASCII characters (no spaces)");

/** The JSON body POSTed to the booking webhook. */
export interface LeadWebhookPayload extends LeadContact {
  leadId: string;
  createdAt: string;
}
