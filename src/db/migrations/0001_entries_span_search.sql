-- Columns Drizzle cannot declare (see src/db/schema/entries.ts). The extensions themselves are
-- created in schema public by the migrator, once per database, under an advisory lock.
ALTER TABLE "entries" ADD COLUMN "span" tstzrange
  GENERATED ALWAYS AS (tstzrange("span_start", coalesce("span_end", 'infinity'::timestamptz), '[]')) STORED;
--> statement-breakpoint
ALTER TABLE "entries" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
    coalesce("title", '') || ' ' || left(coalesce("description", ''), 200000) || ' ' || coalesce("location", ''))) STORED;
--> statement-breakpoint
CREATE INDEX "entries_span_idx" ON "entries" USING gist ("organization_id", "span") WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "entries_search_idx" ON "entries" USING gin ("search");
