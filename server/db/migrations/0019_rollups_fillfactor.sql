-- Room in every page of the roll-up rows for their next version (docs/scale.md "Stop 14"):
-- a flush updates a unit's changed rows in place (a heap-only update: no index entry, no
-- other page), instead of writing each one to a new page and into both indexes, pages that
-- at national size are read from disk. Existing pages keep what they have until rewritten.
ALTER TABLE "target_unit_rollups" SET (fillfactor = 70);
