CREATE TABLE "document_numbers" (
	"issuer_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_numbers_number_chk" CHECK ("document_numbers"."number" > 0)
);
--> statement-breakpoint
DROP INDEX "programs_unit_year_kind_number_uq";--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_issuer_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_numbers_issuer_year_number_uq" ON "document_numbers" USING btree ("issuer_unit_id","year","number");--> statement-breakpoint
CREATE INDEX "document_numbers_entity_idx" ON "document_numbers" USING btree ("entity_id");--> statement-breakpoint
-- Backfill (hand-added): existing programs claim their numbers in the issuer's one
-- yearly sequence. Before this migration CTr and KH each ran from 01 and an
-- amendment shared the number of the document it amends, so where two programs of
-- an issuer and year share a number the earliest-made first version keeps it; the
-- others stay as issued, without a claim (their number is history, never reused).
INSERT INTO "document_numbers" ("issuer_unit_id", "year", "number", "kind", "entity_id", "created_at")
SELECT DISTINCT ON (p.unit_id, p.year, p.number)
  p.unit_id, p.year, p.number, CASE p.kind WHEN 'plan' THEN 'KH' ELSE 'CTr' END, p.id, p.created_at
FROM "programs" p
ORDER BY p.unit_id, p.year, p.number, p.version, p.created_at, p.id
ON CONFLICT DO NOTHING;
