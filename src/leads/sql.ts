/**
 * The leads outbox in SQL, shared by both stores: SQLite on Node
 * (sqlite-store.ts, better-sqlite3) and Cloudflare D1 on Workers
 * (d1-store.ts). Positional `?N` parameters work in both drivers. The schema
 * itself is migrations/*.sql (see migrations.ts).
 */
import { LeadContactSchema } from "./schema.js";
import type { LeadStatus, LeadSummary, StoredLead } from "./store.js";

export class LeadStoreError extends Error {
  override name = "LeadStoreError";
}

export const SQL = {
  /** ?1 id, ?2 idempotency key, ?3 body hash, ?4 payload, ?5 now. A reused key inserts nothing. */
  insert: `INSERT INTO leads (id, idempotency_key, body_hash, payload, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, 'pending', 0, ?5, ?5, ?5) ON CONFLICT (idempotency_key) DO NOTHING`,
  findByKey: "SELECT id, body_hash FROM leads WHERE idempotency_key = ?1",
  /**
   * ?1 claim token, ?2 lease expiry, ?3 now, ?4 limit. One statement, so the
   * claim is atomic without a transaction (D1 has none across statements).
   * Longest-waiting first: ordering by creation would let a quickly retried
   * head of the queue starve the rest.
   */
  claimDue: `UPDATE leads SET status = 'delivering', attempts = attempts + 1, claim_token = ?1, lease_expires_at = ?2, updated_at = ?3
              WHERE id IN (
                SELECT id FROM leads
                 WHERE (status = 'pending' AND next_attempt_at <= ?3) OR (status = 'delivering' AND lease_expires_at <= ?3)
                 ORDER BY CASE status WHEN 'pending' THEN next_attempt_at ELSE lease_expires_at END, created_at
                 LIMIT ?4)
             RETURNING *`,
  /** ?1 id, ?2 now. A successful delivery is a fact even if the claim expired meanwhile. */
  markDelivered: `UPDATE leads SET status = 'delivered', delivered_at = ?2, updated_at = ?2, next_attempt_at = NULL,
                         lease_expires_at = NULL, claim_token = NULL, last_error = NULL
                   WHERE id = ?1 AND status != 'delivered'`,
  /** ?1 id, ?2 new status, ?3 next attempt, ?4 error, ?5 now, ?6 claim token. */
  markFailed: `UPDATE leads SET status = ?2, next_attempt_at = ?3, last_error = ?4, updated_at = ?5, lease_expires_at = NULL, claim_token = NULL
                WHERE id = ?1 AND status = 'delivering' AND claim_token = ?6`,
  nextWakeAt: `SELECT MIN(at) AS at FROM (
                 SELECT MIN(next_attempt_at) AS at FROM leads WHERE status = 'pending'
                 UNION ALL SELECT MIN(lease_expires_at) FROM leads WHERE status = 'delivering')`,
  /** ?1 limit. */
  listAll: "SELECT id, status, attempts, next_attempt_at, last_error, created_at, updated_at, delivered_at FROM leads ORDER BY created_at DESC, id LIMIT ?1",
  /** ?1 status, ?2 limit. */
  listByStatus:
    "SELECT id, status, attempts, next_attempt_at, last_error, created_at, updated_at, delivered_at FROM leads WHERE status = ?1 ORDER BY created_at DESC, id LIMIT ?2",
  get: "SELECT * FROM leads WHERE id = ?1",
  /** ?1 id, ?2 now. */
  retryDead: "UPDATE leads SET status = 'pending', attempts = 0, next_attempt_at = ?2, updated_at = ?2 WHERE id = ?1 AND status = 'dead'",
  counts: "SELECT status, COUNT(*) AS n FROM leads GROUP BY status",
  /** ?1 delivered before. */
  countDeliveredBefore: "SELECT COUNT(*) AS n FROM leads WHERE status = 'delivered' AND delivered_at < ?1",
  purgeDeliveredBefore: "DELETE FROM leads WHERE status = 'delivered' AND delivered_at < ?1",
} as const;

export interface LeadRow {
  id: string;
  payload: string;
  status: LeadStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
  claim_token?: string | null;
}

export function toSummary(row: Omit<LeadRow, "payload">): LeadSummary {
  return {
    id: row.id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at,
  };
}

export function toStored(row: LeadRow): StoredLead {
  const parsed = LeadContactSchema.safeParse(JSON.parse(row.payload));
  if (!parsed.success) throw new LeadStoreError(`Lead ${row.id} has an unreadable payload in the leads database.`);
  return { ...toSummary(row), contact: parsed.data };
}

/** Failed attempts keep a short technical reason only. */
export const errorText = (error: string) => error.slice(0, 200);
