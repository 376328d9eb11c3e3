-- 0006: the deadline index table loses its index on due_at. Nothing reads deadlines by due time: a server loads the
-- whole table once at start (one reminder per row) and from then on every row is written, never searched. The
-- index was upkeep on every checkpoint: each complaint whose next deadline moved rewrote its entry. On the 2-core
-- bench machine, batches of 1,000 new complaints, the deadline rows cost ~10.7 µs of PostgreSQL time each with it
-- (see docs/benchmarks.md, eleventh session). Ad hoc "what is due next" queries still work, by a scan.
DROP INDEX IF EXISTS deadlines_due_at_idx;
