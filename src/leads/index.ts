/**
 * The leads feature for the Node runtime: the SQLite outbox plus its
 * deliverer, built from config. The HTTP route is created separately
 * (`createLeadsRoutes` in src/http/routes/leads.ts) from `store` and `deliverer`.
 */
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { createDeliverer, type Deliverer, type DeliveryTuning } from "./deliverer.js";
import { purgeExpiredLeads, RETENTION_INTERVAL_MS } from "./retention.js";
import { SqliteLeadStore } from "./sqlite-store.js";
import type { LeadStore } from "./store.js";

export interface Leads {
  store: LeadStore;
  deliverer: Deliverer;
  /** Stops delivery (waiting for attempts in flight), then closes the database. */
  close(): Promise<void>;
}

export interface OpenLeadsOptions {
  fetch?: typeof fetch;
  tuning?: Partial<DeliveryTuning>;
}

export function openLeads(config: Config, logger: Logger, options: OpenLeadsOptions = {}): Leads {
  const store = new SqliteLeadStore(config.paths.leadsDb);
  const deliverer = createDeliverer({
    ...options.tuning,
    store,
    webhookUrl: config.webhook.url,
    secret: config.webhook.secret,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let retention: ReturnType<typeof setInterval> | null = null;
  let purging: Promise<unknown> = Promise.resolve();
  const days = config.leadRetentionDays;
  if (days !== null) {
    const purge = () => {
      purging = purgeExpiredLeads(store, days, Date.now(), logger).catch((err: unknown) => logger.error("lead retention purge failed", { error: (err as Error).name }));
    };
    purge();
    retention = setInterval(purge, RETENTION_INTERVAL_MS);
    retention.unref?.();
  }
  return {
    store,
    deliverer,
    async close() {
      if (retention) clearInterval(retention);
      await purging;
      await deliverer.stop();
      await store.close();
    },
  };
}

export { createDeliverer, DEFAULT_DELIVERY, type Deliverer, type DeliveryTuning, type TickResult } from "./deliverer.js";
export { SqliteLeadStore, LeadStoreError } from "./sqlite-store.js";
export type { LeadStore, LeadStatus, LeadSummary, StoredLead } from "./store.js";
export { LeadRequestSchema, type LeadRequest, type LeadWebhookPayload } from "./schema.js";
export {
  signWebhook,
  verifyWebhookRequest,
  IDEMPOTENCY_KEY_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
  type WebhookVerification,
} from "./signature.js";
