/**
 * `LeadStore` on SQLite (better-sqlite3): WAL journal with `synchronous=FULL`
 * so a lead is on disk before the API answers 202. The file holds patients'
 * contact details: it is created owner-only (0600) under the data directory.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { LeadContactSchema } from "./schema.js";
import {
  leadStatuses,
  type ClaimedLead,
  type ClaimOptions,
  type FailureUpdate,
  type InsertOutcome,
  type LeadListFilter,
  type LeadStatus,
  type LeadStore,
  type LeadSummary,
  type NewLead,
  type StoredLead,
} from "./store.js";

export class LeadStoreError extends Error {
  override name = "LeadStoreError";
}

/** Each entry upgrades the schema by one version (PRAGMA user_version). Append only. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE leads (
     id               TEXT PRIMARY KEY,
     idempotency_key  TEXT NOT NULL UNIQUE,
     body_hash        TEXT NOT NULL,
     payload          TEXT NOT NULL,
     status           TEXT NOT NULL CHECK (status IN ('pending', 'delivering', 'delivered', 'dead')),
     attempts         INTEGER NOT NULL DEFAULT 0,
     next_attempt_at  INTEGER,
     lease_expires_at INTEGER,
     claim_token      TEXT,
     last_error       TEXT,
     created_at       INTEGER NOT NULL,
     updated_at       INTEGER NOT NULL,
     delivered_at     INTEGER
   );
   CREATE INDEX leads_pending_due ON leads (next_attempt_at) WHERE status = 'pending';
   CREATE INDEX leads_delivering_lease ON leads (lease_expires_at) WHERE status = 'delivering';
   CREATE INDEX leads_created ON leads (created_at);`,
];
export const LEADS_SCHEMA_VERSION = MIGRATIONS.length;

interface LeadRow {
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

const SUMMARY_COLUMNS = "id, status, attempts, next_attempt_at, last_error, created_at, updated_at, delivered_at";

function toSummary(row: Omit<LeadRow, "payload">): LeadSummary {
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

function toStored(row: LeadRow): StoredLead {
  const parsed = LeadContactSchema.safeParse(JSON.parse(row.payload));
  if (!parsed.success) throw new LeadStoreError(`Lead ${row.id} has an unreadable payload in the leads database.`);
  return { ...toSummary(row), contact: parsed.data };
}

export interface SqliteLeadStoreOptions {
  /** Open an existing database only (the staff CLI must not create an empty one by accident). */
  mustExist?: boolean;
}

export class SqliteLeadStore implements LeadStore {
  readonly file: string;
  private readonly db: Database.Database;

  constructor(file: string, options: SqliteLeadStoreOptions = {}) {
    this.file = file;
    if (options.mustExist && !existsSync(file)) throw new LeadStoreError(`No leads database at ${file} (no lead has been stored yet).`);
    const isNew = !existsSync(file);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      this.db = new Database(file, { fileMustExist: Boolean(options.mustExist) });
    } catch (err) {
      throw new LeadStoreError(`Cannot open the leads database ${file}: ${(err as Error).message}`);
    }
    // SQLite gives the -wal and -shm files the main file's permissions.
    if (isNew) restrictToOwner(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("foreign_keys = ON");
    this.migrate();
  }

  private migrate(): void {
    const current = this.db.pragma("user_version", { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new LeadStoreError(
        `The leads database ${this.file} has schema version ${current}, newer than this program supports (${MIGRATIONS.length}). Upgrade the program.`,
      );
    }
    const upgrade = this.db.transaction(() => {
      for (let v = current; v < MIGRATIONS.length; v++) {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      }
    });
    upgrade.immediate();
  }

  async insert(lead: NewLead): Promise<InsertOutcome> {
    const find = this.db.prepare<[string], { id: string; body_hash: string }>("SELECT id, body_hash FROM leads WHERE idempotency_key = ?");
    const add = this.db.prepare(
      `INSERT INTO leads (id, idempotency_key, body_hash, payload, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (@id, @key, @hash, @payload, 'pending', 0, @now, @now, @now)`,
    );
    const run = this.db.transaction((): InsertOutcome => {
      const existing = find.get(lead.idempotencyKey);
      if (existing) return existing.body_hash === lead.bodyHash ? { kind: "replayed", id: existing.id } : { kind: "conflict" };
      const id = randomUUID();
      add.run({ id, key: lead.idempotencyKey, hash: lead.bodyHash, payload: JSON.stringify(lead.contact), now: lead.now });
      return { kind: "created", id };
    });
    return run.immediate();
  }

  async claimDue(now: number, options: ClaimOptions): Promise<ClaimedLead[]> {
    const due = this.db.prepare<[number, number, number], LeadRow>(
      `SELECT * FROM leads
        WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'delivering' AND lease_expires_at <= ?)
        -- Longest-waiting first: ordering by creation would let a quickly retried head of the queue starve the rest.
        ORDER BY CASE status WHEN 'pending' THEN next_attempt_at ELSE lease_expires_at END, created_at
        LIMIT ?`,
    );
    const claim = this.db.prepare(
      `UPDATE leads SET status = 'delivering', attempts = attempts + 1, claim_token = @token,
              lease_expires_at = @lease, updated_at = @now WHERE id = @id`,
    );
    const run = this.db.transaction((): ClaimedLead[] => {
      const rows = due.all(now, now, options.limit);
      return rows.map((row) => {
        const claimToken = randomUUID();
        claim.run({ token: claimToken, lease: now + options.leaseMs, now, id: row.id });
        const stored = toStored({ ...row, status: "delivering", attempts: row.attempts + 1, updated_at: now });
        return { ...stored, claimToken };
      });
    });
    return run.immediate();
  }

  async markDelivered(id: string, now: number): Promise<void> {
    // A successful delivery is a fact even if the claim expired meanwhile.
    this.db
      .prepare(
        `UPDATE leads SET status = 'delivered', delivered_at = @now, updated_at = @now, next_attempt_at = NULL,
                lease_expires_at = NULL, claim_token = NULL, last_error = NULL
          WHERE id = @id AND status != 'delivered'`,
      )
      .run({ id, now });
  }

  async markFailed(id: string, update: FailureUpdate): Promise<void> {
    this.db
      .prepare(
        `UPDATE leads SET status = @status, next_attempt_at = @next, last_error = @error, updated_at = @now,
                lease_expires_at = NULL, claim_token = NULL
          WHERE id = @id AND status = 'delivering' AND claim_token = @token`,
      )
      .run({
        id,
        status: update.nextAttemptAt === null ? "dead" : "pending",
        next: update.nextAttemptAt,
        error: update.error.slice(0, 200),
        now: update.now,
        token: update.claimToken,
      });
  }

  async nextWakeAt(): Promise<number | null> {
    const row = this.db
      .prepare<[], { at: number | null }>(
        `SELECT MIN(at) AS at FROM (
           SELECT MIN(next_attempt_at) AS at FROM leads WHERE status = 'pending'
           UNION ALL SELECT MIN(lease_expires_at) FROM leads WHERE status = 'delivering')`,
      )
      .get();
    return row?.at ?? null;
  }

  async list(filter: LeadListFilter = {}): Promise<LeadSummary[]> {
    const limit = filter.limit ?? 100;
    const rows = filter.status
      ? this.db
          .prepare<[string, number], LeadRow>(`SELECT ${SUMMARY_COLUMNS} FROM leads WHERE status = ? ORDER BY created_at DESC, id LIMIT ?`)
          .all(filter.status, limit)
      : this.db.prepare<[number], LeadRow>(`SELECT ${SUMMARY_COLUMNS} FROM leads ORDER BY created_at DESC, id LIMIT ?`).all(limit);
    return rows.map(toSummary);
  }

  async get(id: string): Promise<StoredLead | null> {
    const row = this.db.prepare<[string], LeadRow>("SELECT * FROM leads WHERE id = ?").get(id);
    return row ? toStored(row) : null;
  }

  async retryDead(id: string, now: number): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE leads SET status = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now
          WHERE id = @id AND status = 'dead'`,
      )
      .run({ id, now });
    return result.changes === 1;
  }

  async counts(): Promise<Record<LeadStatus, number>> {
    const rows = this.db.prepare<[], { status: LeadStatus; n: number }>("SELECT status, COUNT(*) AS n FROM leads GROUP BY status").all();
    const counts = Object.fromEntries(leadStatuses.map((s) => [s, 0])) as Record<LeadStatus, number>;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function restrictToOwner(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Not supported on every filesystem (e.g. Windows); the data directory's own permissions still apply.
  }
}
