CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"symbol" text NOT NULL,
	"place" text NOT NULL,
	"issued_on" date,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" uuid,
	"superior_body_name" text,
	"issuing_body_name" text NOT NULL,
	"signature_authority" text NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_kind_chk" CHECK ("programs"."kind" in ('program', 'plan')),
	CONSTRAINT "programs_status_chk" CHECK ("programs"."status" in ('draft', 'issued', 'superseded')),
	CONSTRAINT "programs_number_chk" CHECK ("programs"."number" > 0),
	CONSTRAINT "programs_version_chk" CHECK ("programs"."version" >= 1),
	CONSTRAINT "programs_year_chk" CHECK ("programs"."year" between 1990 and 2100),
	CONSTRAINT "programs_issued_chk" CHECK ("programs"."status" = 'draft' or "programs"."issued_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_previous_version_id_programs_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programs_unit_year_kind_number_uq" ON "programs" USING btree ("unit_id","year","kind","number");--> statement-breakpoint
CREATE INDEX "programs_year_idx" ON "programs" USING btree ("year");--> statement-breakpoint
CREATE INDEX "programs_previous_version_idx" ON "programs" USING btree ("previous_version_id");