/**
 * Consultation requests: validation matching the API's rules (so patients see
 * problems before sending), idempotency keys, and `POST /api/leads` with
 * retries for network failures only.
 */
import { MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_PHONE_CHARS, MAX_PREFERRED_TIME_CHARS, MAX_REASON_CHARS } from "./limits.js";
import { asApiError, isObject, isString } from "./validate.js";

export interface LeadFields {
  name: string;
  email: string;
  phone: string;
  preferredTime: string;
  reason: string;
  consent: boolean;
}
export type LeadField = keyof LeadFields;
export type FieldErrors = Partial<Record<LeadField, string>>;

export interface LeadPayload {
  name: string;
  email?: string;
  phone?: string;
  preferredTime?: string;
  reason?: string;
  consent: true;
  sessionId?: string;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9()\-. ]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type LeadValidation = { ok: true; payload: LeadPayload } | { ok: false; errors: FieldErrors };

export function validateLead(fields: LeadFields, sessionId: string | null): LeadValidation {
  const errors: FieldErrors = {};
  const name = fields.name.trim();
  const email = fields.email.trim();
  const phone = fields.phone.trim();
  const preferredTime = fields.preferredTime.trim();
  const reason = fields.reason.trim();

  if (!name) errors.name = "Please enter your name.";
  else if (name.length > MAX_NAME_CHARS) errors.name = `Please keep your name under ${MAX_NAME_CHARS} characters.`;
  else if (CONTROL.test(name)) errors.name = "Your name contains characters we can't accept.";

  if (email && (email.length > MAX_EMAIL_CHARS || !EMAIL.test(email))) errors.email = "Please enter a valid email address, like name@example.com.";
  if (phone) {
    const digits = phone.replace(/\D/g, "").length;
    if (phone.length > MAX_PHONE_CHARS || !PHONE.test(phone) || digits < 7 || digits > 20) {
      errors.phone = "Please enter a phone number with 7 to 20 digits (spaces, +, ( ), - and . are fine).";
    }
  }
  if (!email && !phone) errors.email = "Please give an email address or a phone number so we can reach you.";

  if (preferredTime.length > MAX_PREFERRED_TIME_CHARS || CONTROL.test(preferredTime)) errors.preferredTime = "Please choose a time from the list.";
  if (reason.length > MAX_REASON_CHARS) errors.reason = `Please keep this under ${MAX_REASON_CHARS} characters.`;
  else if (CONTROL_EXCEPT_NEWLINES.test(reason)) errors.reason = "This text contains characters we can't accept.";
  if (!fields.consent) errors.consent = "Please confirm that we may contact you.";

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const payload: LeadPayload = { name, consent: true };
  if (email) payload.email = email;
  if (phone) payload.phone = phone;
  if (preferredTime) payload.preferredTime = preferredTime;
  if (reason) payload.reason = reason;
  if (sessionId) payload.sessionId = sessionId;
  return { ok: true, payload };
}

/** 128 random bits as hex. `crypto.randomUUID` needs a secure context; clinic pages may be plain http. */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One key per submission: the same payload (double click, retry after an
 * error) reuses its key so the server stores one lead; an edited form is a
 * new submission and gets a new key.
 */
export function createKeyKeeper(makeKey: () => string = newIdempotencyKey) {
  let lastPayload: string | null = null;
  let lastKey = "";
  return {
    keyFor(payload: LeadPayload): string {
      const json = JSON.stringify(payload);
      if (json !== lastPayload) {
        lastPayload = json;
        lastKey = makeKey();
      }
      return lastKey;
    },
  };
}

export type LeadResult =
  | { ok: true; leadId: string }
  | { ok: false; kind: "invalid" | "rate_limited" | "server" | "network"; message: string; fieldErrors: FieldErrors };

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface SubmitOptions {
  apiBase: string;
  payload: LeadPayload;
  idempotencyKey: string;
  fetch?: FetchLike;
  /** Network retries after the first attempt. */
  retries?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const FIELD_NAMES: readonly LeadField[] = ["name", "email", "phone", "preferredTime", "reason", "consent"];

/** Maps the API's `details: [{path, message}]` onto form fields. */
export function fieldErrorsFrom(details: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!Array.isArray(details)) return out;
  for (const d of details) {
    if (!isObject(d) || !isString(d.path) || !isString(d.message)) continue;
    const field = d.path.split(".")[0] as LeadField;
    if (FIELD_NAMES.includes(field) && !out[field]) out[field] = d.message.charAt(0).toUpperCase() + d.message.slice(1) + (/[.!?]$/.test(d.message) ? "" : ".");
  }
  return out;
}

export async function submitLead(options: SubmitOptions): Promise<LeadResult> {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retries = options.retries ?? 3;
  const baseDelay = options.baseDelayMs ?? 1000;

  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await doFetch(`${options.apiBase}/api/leads`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "idempotency-key": options.idempotencyKey },
        body: JSON.stringify(options.payload),
        credentials: "omit",
      });
    } catch {
      if (attempt >= retries) return { ok: false, kind: "network", message: "We couldn't reach the clinic.", fieldErrors: {} };
      await sleep(baseDelay * 2 ** attempt);
      continue;
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok && isObject(body) && isString(body.leadId)) return { ok: true, leadId: body.leadId };
    const apiError = asApiError(body);
    if (res.status === 429) {
      return { ok: false, kind: "rate_limited", message: "Too many requests were sent from this connection. Please wait a minute and try again.", fieldErrors: {} };
    }
    if (res.status >= 400 && res.status < 500) {
      const fieldErrors = fieldErrorsFrom(apiError?.details);
      const message = Object.keys(fieldErrors).length
        ? "Please check the highlighted fields."
        : (apiError?.message ?? "The clinic could not accept this request. Please check the form and try again.");
      return { ok: false, kind: "invalid", message, fieldErrors };
    }
    return { ok: false, kind: "server", message: "Something went wrong on our side and your request was not sent. Please try again in a moment.", fieldErrors: {} };
  }
}
