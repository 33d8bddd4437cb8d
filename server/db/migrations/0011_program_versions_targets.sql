CREATE TABLE "issue_delegations" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "row_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "bounded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "row_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "previous_target_id" uuid;--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD CONSTRAINT "issue_delegations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_elements" ADD CONSTRAINT "data_elements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_previous_target_id_targets_id_fk" FOREIGN KEY ("previous_target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "targets_previous_idx" ON "targets" USING btree ("previous_target_id");--> statement-breakpoint
-- Backfill (hand-added). Shares are bounded to 0–100 %: every share of units, and
-- the demo's two ratios whose numerator is part of the denominator (targets 1 and 8).
UPDATE "indicators" SET "bounded" = true
WHERE "measure" = 'share_of_units' OR "code" IN ('propaganda_reach_rate', 'labour_lawsuits_supported_rate');--> statement-breakpoint
-- Amendments made before this migration carried no targets: each version without
-- targets gets copies of the targets of the nearest earlier version that has them
-- (previous_target_id links the copy to the target it continues), then their allocations.
INSERT INTO "targets" ("indicator_id", "program_id", "code", "text", "comparator", "value", "unit_of_measure",
  "period_from", "period_to", "scope_unit_id", "tolerance", "stretch", "when_conditions_allow", "sort_order", "task_group_number", "previous_target_id")
WITH RECURSIVE src AS (
  SELECT p.id AS program_id, p.previous_version_id AS source_id FROM "programs" p
  WHERE p.previous_version_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "targets" t WHERE t.program_id = p.id)
  UNION ALL
  SELECT s.program_id, q.previous_version_id FROM src s JOIN "programs" q ON q.id = s.source_id
  WHERE q.previous_version_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "targets" t WHERE t.program_id = q.id)
)
SELECT t.indicator_id, src.program_id, t.code, t.text, t.comparator, t.value, t.unit_of_measure,
  t.period_from, t.period_to, t.scope_unit_id, t.tolerance, t.stretch, t.when_conditions_allow, t.sort_order, t.task_group_number, t.id
FROM src JOIN "targets" t ON t.program_id = src.source_id AND t.archived_at IS NULL;--> statement-breakpoint
INSERT INTO "target_allocations" ("target_id", "unit_id", "value")
SELECT t.id, a.unit_id, a.value FROM "targets" t JOIN "target_allocations" a ON a.target_id = t.previous_target_id
WHERE NOT EXISTS (SELECT 1 FROM "target_allocations" x WHERE x.target_id = t.id);
