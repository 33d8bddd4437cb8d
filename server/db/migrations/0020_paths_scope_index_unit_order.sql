DROP INDEX "org_unit_paths_scope_idx";--> statement-breakpoint
CREATE INDEX "org_unit_paths_scope_idx" ON "org_unit_paths" USING btree ("ancestor_id","descendant_id","valid_from","valid_to","depth");