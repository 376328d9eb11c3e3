-- 0001: the event journal (source of truth), write-behind grain state, the deadline index and the
-- checkpoint watermark. Later scripts add to this (e.g. 0002 for append-only quarter snapshots);
-- an applied script is never edited: the migrator refuses a changed checksum.

-- Every accepted event, once, for all time. `id` is the client's idempotency key; `seq` is the arrival
-- order (gaps are normal: a duplicate still consumes a sequence value). `payload` is the whole event
-- as JSON, so the offset of occurred_at and every optional field round-trip exactly; the other
-- columns duplicate what queries filter on.
CREATE TABLE journal (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    id           text        NOT NULL,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    complaint_id text        NULL,
    agent_id     text        NULL,
    team_id      text        NULL,
    payload      jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT journal_pk PRIMARY KEY (id),
    CONSTRAINT journal_seq_unique UNIQUE (seq)
);
CREATE INDEX journal_occurred_at_idx ON journal (occurred_at);
CREATE INDEX journal_complaint_idx ON journal (complaint_id, seq) WHERE complaint_id IS NOT NULL;

-- Grain state, written behind the journal. `version` is the etag. A cleared grain keeps its row with
-- NULL data (a tombstone) so its version keeps counting up: a writer holding an etag from before the
-- clear can never match a later incarnation of the same grain.
-- `data` is bytea, not jsonb: the bytes the grain wrote come back unchanged.
CREATE TABLE grain_state (
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    data       bytea       NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grain_state_pk PRIMARY KEY (grain_type, grain_key)
);

-- The durable deadline index: when each grain with a pending deadline must be woken.
CREATE TABLE deadlines (
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    due_at     timestamptz NOT NULL,
    CONSTRAINT deadlines_pk PRIMARY KEY (grain_type, grain_key)
);
CREATE INDEX deadlines_due_at_idx ON deadlines (due_at);

-- The applied watermark: every journal event with seq <= applied_seq is reflected in grain_state and
-- deadlines. Exactly one row (the boolean key can only be true).
CREATE TABLE checkpoint (
    id          boolean     NOT NULL DEFAULT true,
    applied_seq bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT checkpoint_pk PRIMARY KEY (id),
    CONSTRAINT checkpoint_single_row CHECK (id)
);
INSERT INTO checkpoint (applied_seq) VALUES (0);
