CREATE TABLE "activity_record_people" (
	"record_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"union_position" text NOT NULL,
	CONSTRAINT "activity_record_people_record_id_member_id_role_pk" PRIMARY KEY("record_id","member_id","role")
);
--> statement-breakpoint
CREATE TABLE "activity_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"year" integer,
	"title" text NOT NULL,
	"notes" text,
	"details" jsonb NOT NULL,
	"amount_vnd" bigint,
	"subject_unit_id" uuid,
	"search_folded" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"delete_reason" text,
	CONSTRAINT "activity_records_kind_chk" CHECK ("activity_records"."kind" in ('training', 'inspection_plan', 'inspection', 'legal_case', 'party_introduction', 'party_source', 'campaign', 'welfare', 'classification', 'emulation_work', 'award')),
	CONSTRAINT "activity_records_amount_chk" CHECK ("activity_records"."amount_vnd" is null or "activity_records"."amount_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "report_attachments" ALTER COLUMN "report_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD COLUMN "activity_record_id" uuid;--> statement-breakpoint
ALTER TABLE "activity_record_people" ADD CONSTRAINT "activity_record_people_record_id_activity_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."activity_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_record_people" ADD CONSTRAINT "activity_record_people_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_subject_unit_id_org_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_records" ADD CONSTRAINT "activity_records_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_record_people_member_idx" ON "activity_record_people" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "activity_records_unit_idx" ON "activity_records" USING btree ("unit_id","kind","occurred_on");--> statement-breakpoint
CREATE INDEX "activity_records_kind_idx" ON "activity_records" USING btree ("kind","occurred_on");--> statement-breakpoint
CREATE INDEX "activity_records_subject_idx" ON "activity_records" USING btree ("subject_unit_id");--> statement-breakpoint
CREATE INDEX "activity_records_search_trgm_idx" ON "activity_records" USING gin ("search_folded" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_activity_record_id_activity_records_id_fk" FOREIGN KEY ("activity_record_id") REFERENCES "public"."activity_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_attachments_activity_idx" ON "report_attachments" USING btree ("activity_record_id");--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_owner_chk" CHECK (("report_attachments"."report_id" is null) <> ("report_attachments"."activity_record_id" is null));