CREATE TABLE "data_elements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"value_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"allows_not_applicable" boolean DEFAULT false NOT NULL,
	"grade_options" jsonb,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_elements_code_unique" UNIQUE("code"),
	CONSTRAINT "data_elements_value_type_chk" CHECK ("data_elements"."value_type" in ('number', 'boolean', 'grade', 'text')),
	CONSTRAINT "data_elements_aggregation_chk" CHECK ("data_elements"."aggregation" in ('sum', 'last', 'any')),
	CONSTRAINT "data_elements_grades_chk" CHECK (("data_elements"."value_type" = 'grade') = ("data_elements"."grade_options" is not null))
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"unit_id" uuid NOT NULL,
	"data_element_id" uuid NOT NULL,
	"month" date NOT NULL,
	"value_number" numeric,
	"value_bool" boolean,
	"value_text" text,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facts_unit_id_data_element_id_month_pk" PRIMARY KEY("unit_id","data_element_id","month"),
	CONSTRAINT "facts_month_chk" CHECK (extract(day from "facts"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"measure" text NOT NULL,
	"unit_of_measure" text NOT NULL,
	"direction" text DEFAULT 'higher_is_better' NOT NULL,
	"numerator_element_id" uuid,
	"denominator_element_id" uuid,
	"condition_element_id" uuid,
	"condition_operator" text,
	"condition_number" numeric,
	"condition_values" jsonb,
	"eligibility_element_id" uuid,
	"unit_kinds" jsonb DEFAULT '["grassroots_union"]'::jsonb NOT NULL,
	"record_source" text,
	"record_filter" jsonb,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_code_unique" UNIQUE("code"),
	CONSTRAINT "indicators_measure_chk" CHECK ("indicators"."measure" in ('ratio_of_sums', 'share_of_units', 'average_per_eligible_unit', 'sum', 'count_of_units', 'count_of_records')),
	CONSTRAINT "indicators_direction_chk" CHECK ("indicators"."direction" in ('higher_is_better', 'lower_is_better')),
	CONSTRAINT "indicators_operator_chk" CHECK ("indicators"."condition_operator" is null or "indicators"."condition_operator" in ('=', '>=', '<=', 'in', 'is_true'))
);
--> statement-breakpoint
CREATE TABLE "target_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"value" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"program_id" uuid,
	"code" text,
	"text" text NOT NULL,
	"comparator" text NOT NULL,
	"value" numeric NOT NULL,
	"unit_of_measure" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"scope_unit_id" uuid NOT NULL,
	"tolerance" numeric DEFAULT '0' NOT NULL,
	"stretch" boolean DEFAULT false NOT NULL,
	"when_conditions_allow" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_comparator_chk" CHECK ("targets"."comparator" in ('gte', 'lte', 'eq')),
	CONSTRAINT "targets_period_chk" CHECK ("targets"."period_from" <= "targets"."period_to"),
	CONSTRAINT "targets_months_chk" CHECK (extract(day from "targets"."period_from") = 1 and extract(day from "targets"."period_to") = 1),
	CONSTRAINT "targets_tolerance_chk" CHECK ("targets"."tolerance" >= 0)
);
--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_data_element_id_data_elements_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_numerator_element_id_data_elements_id_fk" FOREIGN KEY ("numerator_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_denominator_element_id_data_elements_id_fk" FOREIGN KEY ("denominator_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_condition_element_id_data_elements_id_fk" FOREIGN KEY ("condition_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_eligibility_element_id_data_elements_id_fk" FOREIGN KEY ("eligibility_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_allocations" ADD CONSTRAINT "target_allocations_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_allocations" ADD CONSTRAINT "target_allocations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_scope_unit_id_org_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facts_element_month_idx" ON "facts" USING btree ("data_element_id","month");--> statement-breakpoint
CREATE INDEX "indicators_numerator_idx" ON "indicators" USING btree ("numerator_element_id");--> statement-breakpoint
CREATE INDEX "indicators_denominator_idx" ON "indicators" USING btree ("denominator_element_id");--> statement-breakpoint
CREATE INDEX "indicators_condition_idx" ON "indicators" USING btree ("condition_element_id");--> statement-breakpoint
CREATE INDEX "indicators_eligibility_idx" ON "indicators" USING btree ("eligibility_element_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_allocations_target_unit_uq" ON "target_allocations" USING btree ("target_id","unit_id");--> statement-breakpoint
CREATE INDEX "target_allocations_unit_idx" ON "target_allocations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "targets_program_idx" ON "targets" USING btree ("program_id","sort_order");--> statement-breakpoint
CREATE INDEX "targets_scope_idx" ON "targets" USING btree ("scope_unit_id");--> statement-breakpoint
CREATE INDEX "targets_indicator_idx" ON "targets" USING btree ("indicator_id");