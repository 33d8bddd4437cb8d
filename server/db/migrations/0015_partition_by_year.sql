-- Issue 12, item 3: facts and member_events partitioned by year (native RANGE
-- partitioning, PostgreSQL 11+; PGlite too, it is PostgreSQL 17/18 — same schema
-- on both engines, see docs/scale.md "Partitioning (item 3) — built").
--
-- One partition per year 2020–2030, one for everything before 2020 (members'
-- admissions go back decades) and a DEFAULT partition that takes any later year
-- until its own partition is made (see docs/scale.md for adding a year).
-- Each table is rebuilt: the old one is renamed, a partitioned one takes its
-- name, the rows are copied, the old one is dropped, then the foreign keys and
-- indexes are made again under the same names as before (drizzle's snapshot is
-- unchanged for facts). member_events' primary key becomes (id, event_date):
-- a partitioned table's unique keys must contain the partition key. No foreign
-- key references either table, so nothing else has to move.

-- facts (số liệu) by range of month -------------------------------------------
ALTER TABLE "facts" RENAME TO "facts_unpartitioned";--> statement-breakpoint
ALTER TABLE "facts_unpartitioned" RENAME CONSTRAINT "facts_unit_id_data_element_id_month_pk" TO "facts_unpartitioned_pk";--> statement-breakpoint
DROP INDEX "facts_report_idx";--> statement-breakpoint
DROP INDEX "facts_element_month_idx";--> statement-breakpoint
CREATE TABLE "facts" (
	"unit_id" uuid NOT NULL,
	"data_element_id" uuid NOT NULL,
	"month" date NOT NULL,
	"value_number" numeric,
	"value_bool" boolean,
	"value_text" text,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report_id" uuid,
	"approved" boolean DEFAULT true NOT NULL,
	CONSTRAINT "facts_unit_id_data_element_id_month_pk" PRIMARY KEY("unit_id","data_element_id","month"),
	CONSTRAINT "facts_month_chk" CHECK (extract(day from "facts"."month") = 1)
) PARTITION BY RANGE ("month");--> statement-breakpoint
CREATE TABLE "facts_before_2020" PARTITION OF "facts" FOR VALUES FROM (MINVALUE) TO ('2020-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2020" PARTITION OF "facts" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2021" PARTITION OF "facts" FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2022" PARTITION OF "facts" FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2023" PARTITION OF "facts" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2024" PARTITION OF "facts" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2025" PARTITION OF "facts" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2026" PARTITION OF "facts" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2027" PARTITION OF "facts" FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2028" PARTITION OF "facts" FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2029" PARTITION OF "facts" FOR VALUES FROM ('2029-01-01') TO ('2030-01-01');--> statement-breakpoint
CREATE TABLE "facts_y2030" PARTITION OF "facts" FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');--> statement-breakpoint
CREATE TABLE "facts_default" PARTITION OF "facts" DEFAULT;--> statement-breakpoint
INSERT INTO "facts" ("unit_id", "data_element_id", "month", "value_number", "value_bool", "value_text", "not_applicable", "updated_at", "report_id", "approved")
	SELECT "unit_id", "data_element_id", "month", "value_number", "value_bool", "value_text", "not_applicable", "updated_at", "report_id", "approved"
	FROM "facts_unpartitioned";--> statement-breakpoint
DROP TABLE "facts_unpartitioned";--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_data_element_id_data_elements_id_fk" FOREIGN KEY ("data_element_id") REFERENCES "public"."data_elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facts_report_idx" ON "facts" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "facts_element_month_idx" ON "facts" USING btree ("data_element_id","month");--> statement-breakpoint

-- member_events (sự kiện đoàn viên) by range of event_date --------------------
ALTER TABLE "member_events" RENAME TO "member_events_unpartitioned";--> statement-breakpoint
ALTER TABLE "member_events_unpartitioned" RENAME CONSTRAINT "member_events_pkey" TO "member_events_unpartitioned_pk";--> statement-breakpoint
DROP INDEX "member_events_member_idx";--> statement-breakpoint
DROP INDEX "member_events_unit_kind_idx";--> statement-breakpoint
DROP INDEX "member_events_pending_idx";--> statement-breakpoint
CREATE TABLE "member_events" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
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
	CONSTRAINT "member_events_id_event_date_pk" PRIMARY KEY("id","event_date"),
	CONSTRAINT "member_events_kind_chk" CHECK ("member_events"."kind" in ('admitted', 'rejoined', 'transferred', 'left', 'died', 'card_issued')),
	CONSTRAINT "member_events_transfer_chk" CHECK ("member_events"."kind" <> 'transferred' or ("member_events"."to_unit_id" is null) <> ("member_events"."to_outside_name" is null)),
	CONSTRAINT "member_events_state_chk" CHECK ("member_events"."transfer_state" is null or "member_events"."transfer_state" in ('pending', 'accepted', 'refused'))
) PARTITION BY RANGE ("event_date");--> statement-breakpoint
CREATE TABLE "member_events_before_2020" PARTITION OF "member_events" FOR VALUES FROM (MINVALUE) TO ('2020-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2020" PARTITION OF "member_events" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2021" PARTITION OF "member_events" FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2022" PARTITION OF "member_events" FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2023" PARTITION OF "member_events" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2024" PARTITION OF "member_events" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2025" PARTITION OF "member_events" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2026" PARTITION OF "member_events" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2027" PARTITION OF "member_events" FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2028" PARTITION OF "member_events" FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2029" PARTITION OF "member_events" FOR VALUES FROM ('2029-01-01') TO ('2030-01-01');--> statement-breakpoint
CREATE TABLE "member_events_y2030" PARTITION OF "member_events" FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');--> statement-breakpoint
CREATE TABLE "member_events_default" PARTITION OF "member_events" DEFAULT;--> statement-breakpoint
INSERT INTO "member_events" ("id", "member_id", "kind", "event_date", "unit_id", "to_unit_id", "to_outside_name", "transfer_state", "decided_on", "decided_by", "card_number", "note", "created_by", "created_at", "seq")
	SELECT "id", "member_id", "kind", "event_date", "unit_id", "to_unit_id", "to_outside_name", "transfer_state", "decided_on", "decided_by", "card_number", "note", "created_by", "created_at", "seq"
	FROM "member_events_unpartitioned";--> statement-breakpoint
DROP TABLE "member_events_unpartitioned";--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_to_unit_id_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","event_date","seq");--> statement-breakpoint
CREATE INDEX "member_events_unit_kind_idx" ON "member_events" USING btree ("unit_id","kind","event_date");--> statement-breakpoint
CREATE INDEX "member_events_pending_idx" ON "member_events" USING btree ("to_unit_id") WHERE "member_events"."transfer_state" = 'pending';--> statement-breakpoint

-- Autovacuum analyzes the partitions but never a partitioned parent: give the
-- planner the parents' statistics now (docs/scale.md: re-run after bulk loads).
ANALYZE "facts";--> statement-breakpoint
ANALYZE "member_events";
