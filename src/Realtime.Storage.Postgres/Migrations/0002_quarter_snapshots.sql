-- 0002: closed quarters, append-only. A row is the frozen snapshot of one quarter: the canonical JSON bytes
-- exactly as hashed (bytea, so no re-encoding can change a byte), their SHA-256, when it was closed, and the
-- highest journal sequence the close could see (events after it are "late" and never change the row).
-- The code only ever INSERTs (ON CONFLICT DO NOTHING: the first close wins); the trigger refuses UPDATE and
-- DELETE so not even a stray statement can alter a closed quarter.
CREATE TABLE quarter_snapshots (
    quarter     text        NOT NULL,
    content     bytea       NOT NULL,
    hash        text        NOT NULL,
    closed_at   timestamptz NOT NULL,
    through_seq bigint      NOT NULL,
    CONSTRAINT quarter_snapshots_pk PRIMARY KEY (quarter),
    CONSTRAINT quarter_snapshots_quarter_form CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    CONSTRAINT quarter_snapshots_hash_form CHECK (hash ~ '^[0-9a-f]{64}$')
);

CREATE FUNCTION quarter_snapshots_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'quarter_snapshots is append-only: a closed quarter never changes';
END
$$;

CREATE TRIGGER quarter_snapshots_append_only
    BEFORE UPDATE OR DELETE ON quarter_snapshots
    FOR EACH ROW EXECUTE FUNCTION quarter_snapshots_refuse_change();
