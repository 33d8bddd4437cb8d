CREATE TABLE "rollup_dirty_targets" (
	"target_id" uuid NOT NULL,
	"from_month" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty_units" (
	"unit_id" uuid NOT NULL,
	"from_month" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_rollup_totals" (
	"target_id" uuid NOT NULL,
	"counting" text NOT NULL,
	"as_of_month" date NOT NULL,
	"reported_units" integer NOT NULL,
	"eligible_units" integer NOT NULL,
	"na_units" integer NOT NULL,
	"no_data_units" integer NOT NULL,
	"met_units" integer NOT NULL,
	"sum_num" numeric NOT NULL,
	"sum_den" numeric NOT NULL,
	CONSTRAINT "target_rollup_totals_target_id_counting_as_of_month_pk" PRIMARY KEY("target_id","counting","as_of_month")
);
--> statement-breakpoint
CREATE TABLE "target_unit_rollups" (
	"target_id" uuid NOT NULL,
	"counting" text NOT NULL,
	"as_of_month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"state" text NOT NULL,
	"num" numeric,
	"den" numeric,
	"meets" boolean NOT NULL,
	"grade" text,
	"unit_value" numeric,
	CONSTRAINT "target_unit_rollups_target_id_counting_as_of_month_unit_id_pk" PRIMARY KEY("target_id","counting","as_of_month","unit_id")
);
--> statement-breakpoint
ALTER TABLE "target_rollup_totals" ADD CONSTRAINT "target_rollup_totals_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_unit_rollups" ADD CONSTRAINT "target_unit_rollups_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_unit_rollups_unit_idx" ON "target_unit_rollups" USING btree ("unit_id","as_of_month");--> statement-breakpoint
-- Roll-up maintenance (docs/scale.md "Roll-ups — built"). Triggers note what changed what the engine
-- reads; server/modules/indicators/rollups.ts recomputes it before the writing transaction commits.
-- A unit's rows from a month on: its facts, its member events, its place in the tree, its own record.
CREATE FUNCTION rollup_mark_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO rollup_dirty_units (unit_id, from_month) SELECT unit_id, min(month) FROM rollup_new GROUP BY unit_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_dirty_units (unit_id, from_month) SELECT unit_id, min(month) FROM rollup_old GROUP BY unit_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER facts_rollup_ins AFTER INSERT ON facts REFERENCING NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_facts();
--> statement-breakpoint
CREATE TRIGGER facts_rollup_upd AFTER UPDATE ON facts REFERENCING OLD TABLE AS rollup_old NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_facts();
--> statement-breakpoint
CREATE TRIGGER facts_rollup_del AFTER DELETE ON facts REFERENCING OLD TABLE AS rollup_old FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_facts();
--> statement-breakpoint
CREATE FUNCTION rollup_mark_member_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO rollup_dirty_units (unit_id, from_month)
    SELECT unit_id, date_trunc('month', min(event_date)::timestamp)::date FROM rollup_new GROUP BY unit_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_dirty_units (unit_id, from_month)
    SELECT unit_id, date_trunc('month', min(event_date)::timestamp)::date FROM rollup_old GROUP BY unit_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_events_rollup_ins AFTER INSERT ON member_events REFERENCING NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_member_events();
--> statement-breakpoint
CREATE TRIGGER member_events_rollup_upd AFTER UPDATE ON member_events REFERENCING OLD TABLE AS rollup_old NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_member_events();
--> statement-breakpoint
CREATE TRIGGER member_events_rollup_del AFTER DELETE ON member_events REFERENCING OLD TABLE AS rollup_old FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_member_events();
--> statement-breakpoint
-- The tree: a path row's months in or out of a subtree start at the earliest date that changed.
CREATE FUNCTION rollup_mark_unit_paths() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dirty_units VALUES (NEW.descendant_id, date_trunc('month', NEW.valid_from::timestamp)::date);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup_dirty_units VALUES (OLD.descendant_id, date_trunc('month', OLD.valid_from::timestamp)::date);
  ELSE
    INSERT INTO rollup_dirty_units VALUES (OLD.descendant_id, date_trunc('month', (CASE WHEN OLD.valid_from = NEW.valid_from
      THEN least(OLD.valid_to, NEW.valid_to) ELSE least(OLD.valid_from, NEW.valid_from) END)::timestamp)::date);
    IF NEW.descendant_id <> OLD.descendant_id THEN
      INSERT INTO rollup_dirty_units VALUES (NEW.descendant_id, '-infinity');
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_unit_paths_rollup AFTER INSERT OR UPDATE OR DELETE ON org_unit_paths FOR EACH ROW EXECUTE FUNCTION rollup_mark_unit_paths();
--> statement-breakpoint
CREATE FUNCTION rollup_mark_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_units VALUES (NEW.id, '-infinity');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_units_rollup_ins AFTER INSERT ON org_units FOR EACH ROW EXECUTE FUNCTION rollup_mark_unit();
--> statement-breakpoint
CREATE TRIGGER org_units_rollup_upd AFTER UPDATE ON org_units FOR EACH ROW
  WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.valid_from IS DISTINCT FROM NEW.valid_from
        OR OLD.valid_to IS DISTINCT FROM NEW.valid_to OR OLD.sector IS DISTINCT FROM NEW.sector
        OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION rollup_mark_unit();
--> statement-breakpoint
-- A target's rows, rebuilt: the target's measure, scope or period; its indicator; an element it reads.
CREATE FUNCTION rollup_mark_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_targets VALUES (NEW.id, '-infinity');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER targets_rollup_ins AFTER INSERT ON targets FOR EACH ROW EXECUTE FUNCTION rollup_mark_target();
--> statement-breakpoint
CREATE TRIGGER targets_rollup_upd AFTER UPDATE ON targets FOR EACH ROW
  WHEN (OLD.indicator_id IS DISTINCT FROM NEW.indicator_id OR OLD.scope_unit_id IS DISTINCT FROM NEW.scope_unit_id
        OR OLD.period_from IS DISTINCT FROM NEW.period_from OR OLD.period_to IS DISTINCT FROM NEW.period_to)
  EXECUTE FUNCTION rollup_mark_target();
--> statement-breakpoint
CREATE FUNCTION rollup_mark_indicator_targets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_targets SELECT id, '-infinity' FROM targets WHERE indicator_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER indicators_rollup_upd AFTER UPDATE ON indicators FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'name_vi' - 'name_en' - 'description' - 'updated_at' - 'row_version' - 'updated_by' - 'archived_at')
        IS DISTINCT FROM (to_jsonb(NEW) - 'name_vi' - 'name_en' - 'description' - 'updated_at' - 'row_version' - 'updated_by' - 'archived_at'))
  EXECUTE FUNCTION rollup_mark_indicator_targets();
--> statement-breakpoint
CREATE FUNCTION rollup_mark_element_targets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_targets
  SELECT tg.id, '-infinity' FROM targets tg JOIN indicators i ON i.id = tg.indicator_id
  WHERE NEW.id IN (i.numerator_element_id, i.denominator_element_id, i.condition_element_id, i.eligibility_element_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER data_elements_rollup_upd AFTER UPDATE ON data_elements FOR EACH ROW
  WHEN (OLD.aggregation IS DISTINCT FROM NEW.aggregation OR OLD.value_type IS DISTINCT FROM NEW.value_type)
  EXECUTE FUNCTION rollup_mark_element_targets();
--> statement-breakpoint
-- Frozen figures (docs/reporting.md): closing or reopening a period, or changing who owes it, changes
-- what the record sources count as of the period's month.
CREATE FUNCTION rollup_mark_record_targets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_targets
  SELECT tg.id, '-infinity' FROM targets tg JOIN indicators i ON i.id = tg.indicator_id
  WHERE i.record_source IN ('unit_founded', 'member_admitted');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_periods_rollup AFTER INSERT OR DELETE OR UPDATE OF closed_at, fact_month, data_to, program_id ON report_periods
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_record_targets();
--> statement-breakpoint
CREATE TRIGGER report_schedules_rollup AFTER INSERT OR DELETE OR UPDATE OF unit_kinds, program_id ON report_schedules
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_record_targets();
--> statement-breakpoint
-- Existing targets are built by the first flush after this migration.
INSERT INTO rollup_dirty_targets SELECT id, '-infinity' FROM targets;
