ALTER TABLE "programs" ADD COLUMN "derived_from_program_id" uuid;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "change_summary" jsonb;--> statement-breakpoint
-- Backfill (hand-added) for databases made before this migration: until now the
-- source of a derived program (cụ thể hóa) and the change summary of an issued
-- amendment were only in audit_log; they are copied once into their columns, and
-- from here on features read the columns, never the audit log. The earliest
-- derivation per unit and year wins, as the unique index below requires.
UPDATE "programs" AS p SET "derived_from_program_id" = d.source_id
FROM (
  SELECT DISTINCT ON (q.unit_id, q.year) q.id, s.id AS source_id
  FROM "audit_log" a
  JOIN "programs" q ON q.id::text = a.entity_id
  JOIN "programs" s ON s.id::text = a.after->>'sourceProgramId'
  WHERE a.action = 'program.derive' AND a.entity_type = 'program'
  ORDER BY q.unit_id, q.year, a.id
) AS d
WHERE p.id = d.id;--> statement-breakpoint
UPDATE "programs" AS p SET "change_summary" = a.after->'changes'
FROM "audit_log" a
WHERE a.action = 'program.issue' AND a.entity_type = 'program' AND a.entity_id = p.id::text
  AND jsonb_typeof(a.after->'changes') = 'object';--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_derived_from_program_id_programs_id_fk" FOREIGN KEY ("derived_from_program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programs_derived_unit_year_uq" ON "programs" USING btree ("unit_id","year") WHERE "programs"."derived_from_program_id" is not null;
