-- Bookable resources (docs/resources.md). Hand-written: the EXCLUDE constraint, the generated range
-- and the triggers are beyond Drizzle; src/db/schema/resources.ts mirrors the plain columns.
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"capacity" integer,
	"quantity" integer DEFAULT 1 NOT NULL,
	"location" text,
	"home_community_id" uuid,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"cost_per_use" numeric(12, 2),
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"time_zone" text DEFAULT 'Asia/Manila' NOT NULL,
	"bookable_hours" jsonb,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_type_check" CHECK ("resources"."type" in ('vehicle','equipment','room','facilitator')),
	CONSTRAINT "resources_quantity_check" CHECK ("resources"."quantity" >= 1),
	CONSTRAINT "resources_capacity_check" CHECK ("resources"."capacity" is null or "resources"."capacity" >= 0),
	CONSTRAINT "resources_buffer_check" CHECK ("resources"."buffer_before_minutes" between 0 and 10080 and "resources"."buffer_after_minutes" between 0 and 10080)
);
--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id");
--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_home_community_id_communities_id_fk" FOREIGN KEY ("home_community_id") REFERENCES "communities"("id");
--> statement-breakpoint
CREATE UNIQUE INDEX "resources_org_id_key" ON "resources" USING btree ("organization_id", "id");
--> statement-breakpoint
CREATE INDEX "resources_org_type_idx" ON "resources" USING btree ("organization_id", "type");
--> statement-breakpoint
CREATE TABLE "resource_blackouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_blackouts_order_check" CHECK ("resource_blackouts"."ends_at" > "resource_blackouts"."starts_at"),
	CONSTRAINT "resource_blackouts_resource_fk" FOREIGN KEY ("organization_id", "resource_id") REFERENCES "resources"("organization_id", "id") ON DELETE cascade,
	CONSTRAINT "resource_blackouts_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id")
);
--> statement-breakpoint
CREATE INDEX "resource_blackouts_resource_idx" ON "resource_blackouts" USING btree ("organization_id", "resource_id", "starts_at");
--> statement-breakpoint
-- Bookings point at entries by (organization_id, id), as every organisation key must.
CREATE UNIQUE INDEX "entries_org_id_key" ON "entries" USING btree ("organization_id", "id");
--> statement-breakpoint
CREATE TABLE "resource_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"recurrence_id" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"travel_before_minutes" integer DEFAULT 0 NOT NULL,
	"travel_after_minutes" integer DEFAULT 0 NOT NULL,
	"blocked_start" timestamp with time zone NOT NULL,
	"blocked_end" timestamp with time zone NOT NULL,
	"blocked" tstzrange GENERATED ALWAYS AS (tstzrange("blocked_start", "blocked_end", '[)')) STORED,
	"exclusive" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_bookings_status_check" CHECK ("resource_bookings"."status" in ('pending','approved','rejected','cancelled')),
	CONSTRAINT "resource_bookings_order_check" CHECK ("resource_bookings"."ends_at" >= "resource_bookings"."starts_at"),
	CONSTRAINT "resource_bookings_units_check" CHECK ("resource_bookings"."units" >= 1),
	CONSTRAINT "resource_bookings_resource_fk" FOREIGN KEY ("organization_id", "resource_id") REFERENCES "resources"("organization_id", "id"),
	CONSTRAINT "resource_bookings_entry_fk" FOREIGN KEY ("organization_id", "entry_id") REFERENCES "entries"("organization_id", "id"),
	CONSTRAINT "resource_bookings_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "users"("id"),
	CONSTRAINT "resource_bookings_decided_by_fk" FOREIGN KEY ("decided_by") REFERENCES "users"("id"),
	-- The invariant for unit resources, held by the database itself: no two active bookings of one
	-- resource overlap in their buffered span. Half-open ranges: 09:00-10:00 and 10:00-11:00 both fit.
	CONSTRAINT "resource_bookings_no_overlap" EXCLUDE USING gist ("organization_id" WITH =, "resource_id" WITH =, "blocked" WITH &&)
		WHERE ("exclusive" AND "status" IN ('pending', 'approved'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "resource_bookings_org_id_key" ON "resource_bookings" USING btree ("organization_id", "id");
--> statement-breakpoint
CREATE INDEX "resource_bookings_entry_idx" ON "resource_bookings" USING btree ("organization_id", "entry_id");
--> statement-breakpoint
CREATE INDEX "resource_bookings_status_idx" ON "resource_bookings" USING btree ("organization_id", "status");
--> statement-breakpoint
CREATE UNIQUE INDEX "resource_bookings_idempotency_key" ON "resource_bookings" USING btree ("organization_id", "requested_by", "idempotency_key");
--> statement-breakpoint
CREATE INDEX "resource_bookings_blocked_idx" ON "resource_bookings" USING gist ("resource_id", "blocked") WHERE "status" IN ('pending', 'approved');
--> statement-breakpoint
-- "Is a unit resource taken in [f, t)": the active booking that ends first after f, one btree probe (see resourcesBookedIn).
CREATE INDEX "resource_bookings_end_idx" ON "resource_bookings" USING btree ("resource_id", "blocked_end") WHERE "status" IN ('pending', 'approved');
--> statement-breakpoint
CREATE TABLE "resource_booking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_booking_events_booking_fk" FOREIGN KEY ("organization_id", "booking_id") REFERENCES "resource_bookings"("organization_id", "id") ON DELETE cascade,
	CONSTRAINT "resource_booking_events_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "users"("id")
);
--> statement-breakpoint
CREATE INDEX "resource_booking_events_booking_idx" ON "resource_booking_events" USING btree ("organization_id", "booking_id");
--> statement-breakpoint
CREATE TABLE "resource_travel_speeds" (
	"organization_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"speed_kmh" double precision NOT NULL,
	"road_factor" double precision DEFAULT 1.3 NOT NULL,
	CONSTRAINT "resource_travel_speeds_pk" PRIMARY KEY ("organization_id", "province_id"),
	CONSTRAINT "resource_travel_speeds_check" CHECK ("resource_travel_speeds"."speed_kmh" > 0 and "resource_travel_speeds"."speed_kmh" <= 200 and "resource_travel_speeds"."road_factor" >= 1 and "resource_travel_speeds"."road_factor" <= 5),
	CONSTRAINT "resource_travel_speeds_org_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id"),
	CONSTRAINT "resource_travel_speeds_province_fk" FOREIGN KEY ("province_id") REFERENCES "communities"("id") ON DELETE cascade
);
--> statement-breakpoint
-- DANGEROUS TO CHANGE: this is the no-double-booking invariant for every path that writes a booking
-- (book, approve, re-open, an entry moved by the trigger below). It computes the blocked span, and
-- for an active booking locks the resource row (so concurrent writers for one resource queue here)
-- and refuses it when the units in use at any instant of its span would exceed the quantity.
-- Each statement of a volatile PL/pgSQL function takes a fresh snapshot, so after the lock is
-- granted the check sees what the previous holder committed.
CREATE FUNCTION "resource_booking_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	stock integer;
	peak integer;
	culprit uuid;
BEGIN
	NEW.blocked_start := NEW.starts_at - (NEW.buffer_before_minutes + NEW.travel_before_minutes) * interval '1 minute';
	NEW.blocked_end := NEW.ends_at + (NEW.buffer_after_minutes + NEW.travel_after_minutes) * interval '1 minute';
	IF NEW.status NOT IN ('pending', 'approved') THEN
		RETURN NEW;
	END IF;
	SELECT quantity INTO stock FROM resources WHERE id = NEW.resource_id AND organization_id = NEW.organization_id FOR UPDATE;
	NEW.exclusive := (stock = 1);
	WITH o AS (
		SELECT id, units, greatest(blocked_start, NEW.blocked_start) AS s, least(blocked_end, NEW.blocked_end) AS e
		FROM resource_bookings
		WHERE organization_id = NEW.organization_id AND resource_id = NEW.resource_id AND id <> NEW.id
			AND status IN ('pending', 'approved') AND blocked && tstzrange(NEW.blocked_start, NEW.blocked_end, '[)')
	)
	SELECT o1.id, (SELECT sum(o2.units) FROM o o2 WHERE o2.s <= o1.s AND o1.s < o2.e)::integer AS c INTO culprit, peak
	FROM o o1 ORDER BY c DESC, o1.s, o1.id LIMIT 1;
	IF coalesce(peak, 0) + NEW.units > stock THEN
		RAISE EXCEPTION USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'resource_bookings_capacity',
			MESSAGE = 'the resource is already booked for this time',
			DETAIL = coalesce('conflicting booking ' || culprit::text, 'more units than the resource has');
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "resource_bookings_guard" BEFORE INSERT OR UPDATE ON "resource_bookings" FOR EACH ROW EXECUTE FUNCTION "resource_booking_guard"();
--> statement-breakpoint
-- Bookings follow their entry in the same statement: moved or resized entries and overrides carry
-- their bookings along (the guard above refuses the whole change if that would double-book), a
-- series dragged by "all" shifts every booked occurrence, a deleted entry or occurrence frees them.
CREATE FUNCTION "resource_bookings_follow_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	shift interval;
	fmt text := CASE WHEN NEW.all_day THEN 'YYYY-MM-DD' ELSE 'YYYY-MM-DD"T"HH24:MI:SS' END;
BEGIN
	IF NEW.deleted_at IS NOT NULL THEN
		IF TG_OP = 'UPDATE' AND OLD.deleted_at IS NULL THEN
			WITH c AS (
				UPDATE resource_bookings SET status = 'cancelled', decision_reason = 'the entry was deleted', updated_at = now(), version = version + 1
				WHERE organization_id = NEW.organization_id AND status IN ('pending', 'approved')
					AND (entry_id = NEW.id OR (NEW.series_id IS NOT NULL AND entry_id = NEW.series_id AND recurrence_id = NEW.recurrence_id))
				RETURNING id
			)
			INSERT INTO resource_booking_events (organization_id, booking_id, action, to_status, reason)
			SELECT NEW.organization_id, id, 'entry_deleted', 'cancelled', 'the entry was deleted' FROM c;
		END IF;
		RETURN NULL;
	END IF;
	IF NEW.series_id IS NOT NULL THEN
		UPDATE resource_bookings SET starts_at = NEW.start_at, ends_at = NEW.end_at, updated_at = now(), version = version + 1
		WHERE organization_id = NEW.organization_id AND entry_id = NEW.series_id AND recurrence_id = NEW.recurrence_id
			AND status IN ('pending', 'approved') AND (starts_at <> NEW.start_at OR ends_at <> NEW.end_at);
	END IF;
	IF NEW.rrule IS NULL AND NEW.rdate = '[]'::jsonb THEN
		UPDATE resource_bookings SET starts_at = NEW.start_at, ends_at = NEW.end_at, updated_at = now(), version = version + 1
		WHERE organization_id = NEW.organization_id AND entry_id = NEW.id AND recurrence_id IS NULL
			AND status IN ('pending', 'approved') AND (starts_at <> NEW.start_at OR ends_at <> NEW.end_at);
	ELSIF TG_OP = 'UPDATE' THEN
		WITH c AS (
			UPDATE resource_bookings SET status = 'cancelled', decision_reason = 'the occurrence was removed', updated_at = now(), version = version + 1
			WHERE organization_id = NEW.organization_id AND entry_id = NEW.id AND status IN ('pending', 'approved') AND NEW.exdate ? recurrence_id
			RETURNING id
		)
		INSERT INTO resource_booking_events (organization_id, booking_id, action, to_status, reason)
		SELECT NEW.organization_id, id, 'occurrence_removed', 'cancelled', 'the occurrence was removed' FROM c;
		shift := (NEW.start_at AT TIME ZONE NEW.time_zone) - (OLD.start_at AT TIME ZONE OLD.time_zone);
		IF shift <> interval '0' OR NEW.end_at - NEW.start_at <> OLD.end_at - OLD.start_at OR NEW.time_zone <> OLD.time_zone THEN
			UPDATE resource_bookings b SET
				recurrence_id = to_char(b.recurrence_id::timestamp + shift, fmt),
				starts_at = (b.recurrence_id::timestamp + shift) AT TIME ZONE NEW.time_zone,
				ends_at = ((b.recurrence_id::timestamp + shift) AT TIME ZONE NEW.time_zone) + (NEW.end_at - NEW.start_at),
				updated_at = now(), version = b.version + 1
			WHERE b.organization_id = NEW.organization_id AND b.entry_id = NEW.id AND b.recurrence_id IS NOT NULL
				AND b.status IN ('pending', 'approved')
				AND NOT EXISTS (SELECT 1 FROM entries o WHERE o.organization_id = NEW.organization_id AND o.series_id = NEW.id
					AND o.recurrence_id = b.recurrence_id AND o.deleted_at IS NULL);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "resource_bookings_follow_entry_update" AFTER UPDATE ON "entries" FOR EACH ROW
	WHEN (OLD.start_at IS DISTINCT FROM NEW.start_at OR OLD.end_at IS DISTINCT FROM NEW.end_at OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
		OR OLD.exdate IS DISTINCT FROM NEW.exdate OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
	EXECUTE FUNCTION "resource_bookings_follow_entry"();
--> statement-breakpoint
CREATE TRIGGER "resource_bookings_follow_entry_insert" AFTER INSERT ON "entries" FOR EACH ROW
	WHEN (NEW.series_id IS NOT NULL)
	EXECUTE FUNCTION "resource_bookings_follow_entry"();
