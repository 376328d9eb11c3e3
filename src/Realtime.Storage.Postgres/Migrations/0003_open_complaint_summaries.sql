-- The deadline index also carries what a board needs of each open complaint (team, owner, urgency), so a
-- restarted server lists open complaints at once without waking every grain. A row now exists while a grain has
-- a pending deadline OR a summary; it is removed when it has neither.
ALTER TABLE deadlines ALTER COLUMN due_at DROP NOT NULL;
ALTER TABLE deadlines ADD COLUMN summary bytea NULL;
