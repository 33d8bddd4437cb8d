CREATE TABLE "member_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"to_unit_id" uuid,
	"to_outside_name" text,
	"transfer_state" text,
	"decided_on" date,
	"decided_by" uuid,
	"card_number" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_events_kind_chk" CHECK ("member_events"."kind" in ('admitted', 'rejoined', 'transferred', 'left', 'died', 'card_issued')),
	CONSTRAINT "member_events_transfer_chk" CHECK ("member_events"."kind" <> 'transferred' or ("member_events"."to_unit_id" is null) <> ("member_events"."to_outside_name" is null)),
	CONSTRAINT "member_events_state_chk" CHECK ("member_events"."transfer_state" is null or "member_events"."transfer_state" in ('pending', 'accepted', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "member_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"state" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"file_error" jsonb,
	"errors" jsonb,
	"rows" jsonb,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_imports_state_chk" CHECK ("member_imports"."state" in ('validating', 'validated', 'invalid', 'importing', 'imported', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "member_unit_periods" (
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"name_folded" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"citizen_id" text,
	"phone" text,
	"email" text,
	"ethnicity" text,
	"job" text,
	"workplace" text,
	"union_position" text DEFAULT 'member' NOT NULL,
	"party_member" boolean DEFAULT false NOT NULL,
	"card_number" text,
	"card_issued_on" date,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"admitted_on" date NOT NULL,
	"import_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_gender_chk" CHECK ("members"."gender" in ('male', 'female')),
	CONSTRAINT "members_status_chk" CHECK ("members"."status" in ('active', 'transferred_out', 'left', 'deceased')),
	CONSTRAINT "members_citizen_id_chk" CHECK ("members"."citizen_id" is null or "members"."citizen_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "founding_decision" text;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "initial_member_count" integer;--> statement-breakpoint
ALTER TABLE "data_elements" ADD COLUMN "derived_from" text;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_to_unit_id_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_unit_periods" ADD CONSTRAINT "member_unit_periods_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_unit_periods" ADD CONSTRAINT "member_unit_periods_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","event_date","seq");--> statement-breakpoint
CREATE INDEX "member_events_unit_kind_idx" ON "member_events" USING btree ("unit_id","kind","event_date");--> statement-breakpoint
CREATE INDEX "member_events_pending_idx" ON "member_events" USING btree ("to_unit_id") WHERE "member_events"."transfer_state" = 'pending';--> statement-breakpoint
CREATE INDEX "member_imports_user_idx" ON "member_imports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "member_unit_periods_member_idx" ON "member_unit_periods" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_unit_periods_unit_idx" ON "member_unit_periods" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "members_citizen_id_uq" ON "members" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_number_uq" ON "members" USING btree ("card_number");--> statement-breakpoint
CREATE INDEX "members_unit_status_idx" ON "members" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("name_folded","full_name","id");--> statement-breakpoint
CREATE INDEX "members_admitted_idx" ON "members" USING btree ("admitted_on");