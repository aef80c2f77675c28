CREATE TABLE leads (
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
CREATE INDEX leads_created ON leads (created_at);
