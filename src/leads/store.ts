/**
 * Lead storage (the outbox). `LeadStore` is what the HTTP route, the
 * deliverer and the staff CLI depend on; `SqliteLeadStore` is the Node
 * implementation. A Cloudflare D1 store can implement the same interface:
 * nothing outside this file knows about SQLite.
 */
import type { LeadContact } from "./schema.js";

export const leadStatuses = ["pending", "delivering", "delivered", "dead"] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/** What staff may see without opening a lead: no contact details. */
export interface LeadSummary {
  id: string;
  status: LeadStatus;
  attempts: number;
  /** Epoch ms; null once delivered or dead. */
  nextAttemptAt: number | null;
  /** Short technical reason ("HTTP 503", "timeout"), never response bodies or contact details. */
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  deliveredAt: number | null;
}

export interface StoredLead extends LeadSummary {
  contact: LeadContact;
}

/** A lead claimed for one delivery attempt; `claimToken` guards against a stale claim finishing late. */
export interface ClaimedLead extends StoredLead {
  claimToken: string;
}

export interface NewLead {
  idempotencyKey: string;
  bodyHash: string;
  contact: LeadContact;
  now: number;
}

/**
 * `created`: stored now. `replayed`: the same key and body were stored before
 * (same lead id). `conflict`: the key was used with a different body.
 */
export type InsertOutcome = { kind: "created"; id: string } | { kind: "replayed"; id: string } | { kind: "conflict" };

export interface ClaimOptions {
  limit: number;
  /** How long the claim is exclusive; a claim older than this is taken over (the process died mid-delivery). */
  leaseMs: number;
}

export interface FailureUpdate {
  claimToken: string;
  error: string;
  /** Epoch ms of the next attempt, or null to dead-letter the lead. */
  nextAttemptAt: number | null;
  now: number;
}

export interface LeadListFilter {
  status?: LeadStatus;
  limit?: number;
}

export interface LeadStore {
  /** Atomic insert-or-return-existing by idempotency key. Durable when the promise resolves. */
  insert(lead: NewLead): Promise<InsertOutcome>;
  /** Claims due leads (pending and due, or delivering with an expired lease) and counts the attempt. */
  claimDue(now: number, options: ClaimOptions): Promise<ClaimedLead[]>;
  markDelivered(id: string, now: number): Promise<void>;
  /** Records a failed attempt; ignored if the claim was taken over meanwhile. */
  markFailed(id: string, update: FailureUpdate): Promise<void>;
  /** Earliest moment some lead becomes claimable, or null when nothing is waiting. */
  nextWakeAt(): Promise<number | null>;
  list(filter?: LeadListFilter): Promise<LeadSummary[]>;
  get(id: string): Promise<StoredLead | null>;
  /** Dead → pending with attempts reset. Returns false when the lead is missing or not dead. */
  retryDead(id: string, now: number): Promise<boolean>;
  counts(): Promise<Record<LeadStatus, number>>;
  /**
   * Deletes leads delivered before `deliveredBefore` (epoch ms): the booking
   * system has them, the clinic need not keep patients' details twice.
   * Pending, delivering and dead leads are never touched. Returns how many
   * (would be) deleted.
   */
  purgeDelivered(deliveredBefore: number, options?: { dryRun?: boolean }): Promise<number>;
  close(): Promise<void>;
}

/** Per-status counts from `GROUP BY status` rows, with every status present. */
export function countsFrom(rows: ReadonlyArray<{ status: LeadStatus; n: number }>): Record<LeadStatus, number> {
  const counts = Object.fromEntries(leadStatuses.map((s) => [s, 0])) as Record<LeadStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
