-- The access audit (issue 23): who read unmasked personal data, closed a quarter or signed in, when and why.
-- Append-only: a trigger refuses every UPDATE; DELETE is left to the retention purge (Audit:Retention, default 5 years).
CREATE TABLE access_audit (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    user_name text        NOT NULL,
    action    text        NOT NULL,
    resource  text        NOT NULL,
    reason    text
);

CREATE INDEX access_audit_at ON access_audit (at);

CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_audit is append-only: entries are never changed';
END
$$;

CREATE TRIGGER access_audit_no_update BEFORE UPDATE ON access_audit FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
