/**
 * The retention policy for delivered leads (LEAD_RETENTION_DAYS): once the
 * booking system has a lead, the clinic's copy of the patient's contact
 * details is deleted after the configured number of days. Shared by the Node
 * server (a timer) and the Worker (the cron handler).
 */
import type { Logger } from "../logger.js";
import type { LeadStore } from "./store.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes leads delivered more than `retentionDays` ago; returns how many. */
export async function purgeExpiredLeads(store: LeadStore, retentionDays: number, now: number, logger: Logger): Promise<number> {
  const deleted = await store.purgeDelivered(now - retentionDays * DAY_MS);
  if (deleted > 0) logger.info("delivered leads past retention deleted", { deleted, retentionDays });
  return deleted;
}

/** How often the Node server applies the policy. */
export const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;
