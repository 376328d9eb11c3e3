-- 0011: which silo holds each deadline. In a cluster every silo arms the deadlines of the grains it hosts and writes
-- them with its checkpoints; when a silo dies, the survivors arm the rows it held (each the part of Orleans' ring it
-- owns). NULL: written by a single server before the cluster existed (armed by the first silo at start, as before).
ALTER TABLE deadlines ADD COLUMN holder text;
