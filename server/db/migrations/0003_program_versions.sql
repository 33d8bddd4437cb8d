DROP INDEX "programs_previous_version_idx";--> statement-breakpoint
DROP INDEX "programs_unit_year_kind_number_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "programs_previous_version_uq" ON "programs" USING btree ("previous_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_unit_year_kind_number_uq" ON "programs" USING btree ("unit_id","year","kind","number") WHERE "programs"."previous_version_id" is null;