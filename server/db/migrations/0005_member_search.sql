-- pg_trgm is a trusted contrib extension (PostgreSQL ≥ 13): the database owner may create it; PGlite loads it in server/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "derived_addend_element_id" uuid;--> statement-breakpoint
ALTER TABLE "data_elements" ADD CONSTRAINT "data_elements_derived_addend_element_id_data_elements_id_fk" FOREIGN KEY ("derived_addend_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "members_name_trgm_idx" ON "members" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "data_elements" ADD CONSTRAINT "data_elements_addend_chk" CHECK ("data_elements"."derived_addend_element_id" is null or "data_elements"."derived_from" is not null);