-- 0004: a cheaper journal row. Every ingested event pays for its journal row inside the group commit, so the
-- row's cost per event is PostgreSQL CPU the ingest rate is bounded by (measured on the 2-core bench machine,
-- batches of 1,000: ~34 µs of PostgreSQL CPU per event before this script, ~23 µs after; see docs/benchmarks.md).

-- No query reads (complaint_id, seq): replay reads by seq, reports by occurred_at. Its upkeep cost ~5 µs per event.
DROP INDEX IF EXISTS journal_complaint_idx;

-- The payload becomes the UTF-8 JSON bytes the server serialised, stored as they are. jsonb parsed and rebuilt
-- every payload on the way in (and printed it again on every replay) for operators nothing uses; that was
-- ~8 µs per event. Existing rows keep their content: jsonb's own text form is the same JSON (same fields and
-- values, keys reordered, spaces after ':' and ','), and the reader parses it into the same event. The ALTER
-- rewrites the table once, under an exclusive lock, while the server that runs it is starting.
-- Ad hoc SQL can still look inside: convert_from(payload, 'UTF8')::jsonb.
ALTER TABLE journal ALTER COLUMN payload TYPE bytea USING convert_to(payload::text, 'UTF8');
