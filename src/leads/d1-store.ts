/**
 * `LeadStore` on Cloudflare D1, for the Worker. Same SQL as the SQLite store
 * (sql.ts); the schema comes from the committed wrangler migrations. D1 has
 * no interactive transactions, so every state change is one statement
 * (the claim is a single UPDATE … RETURNING) or one `batch` (run atomically).
 * D1 acknowledges a write only once it is durable, so a 202 means stored.
 */
import { errorText, SQL, toStored, toSummary, type LeadRow } from "./sql.js";
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

/** The slice of Cloudflare's D1 binding this store uses (see @cloudflare/workers-types). */
export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<Array<D1Result<T>>>;
}
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run<T = Record<string, unknown>>(): Promise<D1Result<T>>;
}
export interface D1Result<T> {
  results: T[];
  meta: { changes?: number };
}

export class D1LeadStore implements LeadStore {
  constructor(private readonly db: D1Database) {}

  async insert(lead: NewLead): Promise<InsertOutcome> {
    const id = crypto.randomUUID();
    const [, found] = await this.db.batch<{ id: string; body_hash: string }>([
      this.db.prepare(SQL.insert).bind(id, lead.idempotencyKey, lead.bodyHash, JSON.stringify(lead.contact), lead.now),
      this.db.prepare(SQL.findByKey).bind(lead.idempotencyKey),
    ]);
    const row = found?.results[0];
    if (!row) throw new Error("D1 did not return the lead it just stored");
    if (row.id === id) return { kind: "created", id };
    return row.body_hash === lead.bodyHash ? { kind: "replayed", id: row.id } : { kind: "conflict" };
  }

  async claimDue(now: number, options: ClaimOptions): Promise<ClaimedLead[]> {
    const claimToken = crypto.randomUUID();
    const { results } = await this.db.prepare(SQL.claimDue).bind(claimToken, now + options.leaseMs, now, options.limit).all<LeadRow>();
    return results.map((row) => ({ ...toStored(row), claimToken }));
  }

  async markDelivered(id: string, now: number): Promise<void> {
    await this.db.prepare(SQL.markDelivered).bind(id, now).run();
  }

  async markFailed(id: string, update: FailureUpdate): Promise<void> {
    const status: LeadStatus = update.nextAttemptAt === null ? "dead" : "pending";
    await this.db.prepare(SQL.markFailed).bind(id, status, update.nextAttemptAt, errorText(update.error), update.now, update.claimToken).run();
  }

  async nextWakeAt(): Promise<number | null> {
    return (await this.db.prepare(SQL.nextWakeAt).first<{ at: number | null }>())?.at ?? null;
  }

  async list(filter: LeadListFilter = {}): Promise<LeadSummary[]> {
    const limit = filter.limit ?? 100;
    const statement = filter.status ? this.db.prepare(SQL.listByStatus).bind(filter.status, limit) : this.db.prepare(SQL.listAll).bind(limit);
    return (await statement.all<LeadRow>()).results.map(toSummary);
  }

  async get(id: string): Promise<StoredLead | null> {
    const row = await this.db.prepare(SQL.get).bind(id).first<LeadRow>();
    return row ? toStored(row) : null;
  }

  async retryDead(id: string, now: number): Promise<boolean> {
    return (await this.db.prepare(SQL.retryDead).bind(id, now).run()).meta.changes === 1;
  }

  async counts(): Promise<Record<LeadStatus, number>> {
    return countsFrom((await this.db.prepare(SQL.counts).all<{ status: LeadStatus; n: number }>()).results);
  }

  async purgeDelivered(deliveredBefore: number, options: { dryRun?: boolean } = {}): Promise<number> {
    if (options.dryRun) return (await this.db.prepare(SQL.countDeliveredBefore).bind(deliveredBefore).first<{ n: number }>())?.n ?? 0;
    return (await this.db.prepare(SQL.purgeDeliveredBefore).bind(deliveredBefore).run()).meta.changes ?? 0;
  }

  async close(): Promise<void> {
    // The binding is owned by the Workers runtime.
  }
}
