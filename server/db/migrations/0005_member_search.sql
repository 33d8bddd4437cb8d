-- pg_trgm is a trusted contrib extension (PostgreSQL ≥ 13): the database owner may create it; PGlite loads it in server/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "members_name_trgm_idx" ON "members" USING gin ("name_folded" gin_trgm_ops);
