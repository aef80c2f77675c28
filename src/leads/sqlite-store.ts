/**
 * `LeadStore` on SQLite (better-sqlite3): WAL journal with `synchronous=FULL`
 * so a lead is on disk before the API answers 202. The file holds patients'
 * contact details: it and its -wal/-shm files are kept owner-only (0600),
 * in an owner-only (0700) directory, even when they already existed.
 */
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { LEAD_MIGRATIONS } from "./migrations.js";
import { ensurePrivateDir, restrictDatabaseFiles } from "./private-files.js";
import { errorText, LeadStoreError, SQL, toStored, toSummary, type LeadRow } from "./sql.js";
import {
  countsFrom,
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

export { LeadStoreError };
export const LEADS_SCHEMA_VERSION = LEAD_MIGRATIONS.length;

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
    ensurePrivateDir(path.dirname(file));
    restrictDatabaseFiles(file);
    try {
      this.db = new Database(file, { fileMustExist: Boolean(options.mustExist) });
    } catch (err) {
      throw new LeadStoreError(`Cannot open the leads database ${file}: ${(err as Error).message}`);
    }
    restrictDatabaseFiles(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("foreign_keys = ON");
    // Purged contact details are overwritten on disk, not left in free pages.
    this.db.pragma("secure_delete = ON");
    this.migrate();
    // The -wal and -shm files exist now; ones left by an earlier run may have had any mode.
    restrictDatabaseFiles(file);
  }

  private migrate(): void {
    const current = this.db.pragma("user_version", { simple: true }) as number;
    if (current > LEAD_MIGRATIONS.length) {
      throw new LeadStoreError(
        `The leads database ${this.file} has schema version ${current}, newer than this program supports (${LEAD_MIGRATIONS.length}). Upgrade the program.`,
      );
    }
    const upgrade = this.db.transaction(() => {
      for (let v = current; v < LEAD_MIGRATIONS.length; v++) {
        this.db.exec(LEAD_MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      }
    });
    upgrade.immediate();
  }

  async insert(lead: NewLead): Promise<InsertOutcome> {
    const find = this.db.prepare<[Record<number, unknown>], { id: string; body_hash: string }>(SQL.findByKey);
    const add = this.db.prepare(SQL.insert);
    const run = this.db.transaction((): InsertOutcome => {
      const existing = find.get(bind(lead.idempotencyKey));
      if (existing) return existing.body_hash === lead.bodyHash ? { kind: "replayed", id: existing.id } : { kind: "conflict" };
      const id = randomUUID();
      add.run(bind(id, lead.idempotencyKey, lead.bodyHash, JSON.stringify(lead.contact), lead.now));
      return { kind: "created", id };
    });
    return run.immediate();
  }

  async claimDue(now: number, options: ClaimOptions): Promise<ClaimedLead[]> {
    const claimToken = randomUUID();
    const rows = this.db.prepare<[Record<number, unknown>], LeadRow>(SQL.claimDue).all(bind(claimToken, now + options.leaseMs, now, options.limit));
    return rows.map((row) => ({ ...toStored(row), claimToken }));
  }

  async markDelivered(id: string, now: number): Promise<void> {
    this.db.prepare(SQL.markDelivered).run(bind(id, now));
  }

  async markFailed(id: string, update: FailureUpdate): Promise<void> {
    const status: LeadStatus = update.nextAttemptAt === null ? "dead" : "pending";
    this.db.prepare(SQL.markFailed).run(bind(id, status, update.nextAttemptAt, errorText(update.error), update.now, update.claimToken));
  }

  async nextWakeAt(): Promise<number | null> {
    return this.db.prepare<[], { at: number | null }>(SQL.nextWakeAt).get()?.at ?? null;
  }

  async list(filter: LeadListFilter = {}): Promise<LeadSummary[]> {
    const limit = filter.limit ?? 100;
    const rows = filter.status
      ? this.db.prepare<[Record<number, unknown>], LeadRow>(SQL.listByStatus).all(bind(filter.status, limit))
      : this.db.prepare<[Record<number, unknown>], LeadRow>(SQL.listAll).all(bind(limit));
    return rows.map(toSummary);
  }

  async get(id: string): Promise<StoredLead | null> {
    const row = this.db.prepare<[Record<number, unknown>], LeadRow>(SQL.get).get(bind(id));
    return row ? toStored(row) : null;
  }

  async retryDead(id: string, now: number): Promise<boolean> {
    return this.db.prepare(SQL.retryDead).run(bind(id, now)).changes === 1;
  }

  async counts(): Promise<Record<LeadStatus, number>> {
    return countsFrom(this.db.prepare<[], { status: LeadStatus; n: number }>(SQL.counts).all());
  }

  async purgeDelivered(deliveredBefore: number, options: { dryRun?: boolean } = {}): Promise<number> {
    if (options.dryRun) return this.db.prepare<[Record<number, unknown>], { n: number }>(SQL.countDeliveredBefore).get(bind(deliveredBefore))?.n ?? 0;
    const deleted = this.db.prepare(SQL.purgeDeliveredBefore).run(bind(deliveredBefore)).changes;
    // Move the deletions out of the write-ahead log into the (securely deleted) main file.
    if (deleted > 0) this.db.pragma("wal_checkpoint(TRUNCATE)");
    return deleted;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** better-sqlite3 binds `?N` parameters by an object keyed 1..N. */
function bind(...values: unknown[]): Record<number, unknown> {
  return Object.fromEntries(values.map((v, i) => [i + 1, v]));
}
