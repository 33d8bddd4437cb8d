-- Issue delegations (ủy quyền ban hành) become one officer's delegation for a
-- period, granted and revoked by the unit's leader (docs/issue-delegations.md).
-- The table was created by 0011 but never written: its rows (none) are dropped
-- before the new NOT NULL columns are added. The primary key moves from unit_id
-- to id (PostgreSQL's default name for the old key, on PGlite too).
DELETE FROM "issue_delegations";--> statement-breakpoint
ALTER TABLE "issue_delegations" DROP CONSTRAINT "issue_delegations_pkey";--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "user_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "valid_from" date NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "row_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD CONSTRAINT "issue_delegations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD CONSTRAINT "issue_delegations_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD CONSTRAINT "issue_delegations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD CONSTRAINT "issue_delegations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issue_delegations_unit_idx" ON "issue_delegations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "issue_delegations_user_idx" ON "issue_delegations" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "issue_delegations" ADD CONSTRAINT "issue_delegations_dates_chk" CHECK ("issue_delegations"."valid_to" is null or "issue_delegations"."valid_to" >= "issue_delegations"."valid_from");