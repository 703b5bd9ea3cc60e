-- CalDAV (src/features/caldav, docs/caldav.md).
-- The name a client gave a resource when it created it by PUT (others are "<entry id>.ics").
CREATE TABLE "caldav_names" (
	"entry_id" uuid PRIMARY KEY NOT NULL REFERENCES "entries"("id") ON DELETE CASCADE,
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "caldav_names_name_idx" ON "caldav_names" USING btree ("organization_id","name");
--> statement-breakpoint
-- An entry moved to another calendar has left the one it was in: that collection's sync
-- (RFC 6578) must report it removed, and its own rows no longer say so. Stamped like 0008's.
CREATE TABLE "entry_moves" (
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"series_id" uuid,
	"from_calendar_id" uuid NOT NULL,
	"change_txid" xid8 DEFAULT pg_current_xact_id() NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "entry_moves_from_idx" ON "entry_moves" USING btree ("from_calendar_id","change_txid");
--> statement-breakpoint
CREATE FUNCTION "entries_note_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO entry_moves (organization_id, entry_id, series_id, from_calendar_id) VALUES (OLD.organization_id, OLD.id, OLD.series_id, OLD.calendar_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "entries_note_move" AFTER UPDATE OF "calendar_id" ON "entries"
  FOR EACH ROW WHEN (OLD.calendar_id IS DISTINCT FROM NEW.calendar_id) EXECUTE FUNCTION "entries_note_move"();
--> statement-breakpoint
-- A collection's newest change stamp (getctag, sync tokens) without reading its rows.
CREATE INDEX "entries_calendar_change_idx" ON "entries" USING btree ("calendar_id","change_txid");
