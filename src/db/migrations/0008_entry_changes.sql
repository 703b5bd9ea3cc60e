-- Change tracking for the in-process occurrence cache (src/features/calendar/occurrence-cache.ts).
-- Every insert or update stamps the row with the writing transaction's id; a hard delete leaves a
-- note. A reader that remembers the snapshot it last looked with can then ask "what did I not see
-- then?" through an index, in one query, correctly across processes: a transaction's id is
-- compared by visibility in the snapshot, not by commit order, so a late-committing writer is
-- never missed.
ALTER TABLE "entries" ADD COLUMN "change_txid" xid8;
--> statement-breakpoint
CREATE INDEX "entries_change_txid_idx" ON "entries" ("organization_id", "change_txid");
--> statement-breakpoint
CREATE TABLE "entry_deletions" (
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"series_id" uuid,
	"change_txid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "entry_deletions_change_txid_idx" ON "entry_deletions" ("organization_id", "change_txid");
--> statement-breakpoint
CREATE FUNCTION "entries_stamp_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_txid := pg_current_xact_id();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "entries_stamp_change" BEFORE INSERT OR UPDATE ON "entries"
  FOR EACH ROW EXECUTE FUNCTION "entries_stamp_change"();
--> statement-breakpoint
CREATE FUNCTION "entries_note_deletion"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO entry_deletions (organization_id, entry_id, series_id) VALUES (OLD.organization_id, OLD.id, OLD.series_id);
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "entries_note_deletion" AFTER DELETE ON "entries"
  FOR EACH ROW EXECUTE FUNCTION "entries_note_deletion"();
