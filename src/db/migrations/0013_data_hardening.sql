-- Idempotency keys are kept with a hash of the request they came with (src/core/idempotency), so the
-- same key sent with another body is refused (422) instead of answered with the first one's result.
ALTER TABLE "resource_bookings" ADD COLUMN "request_hash" text;
--> statement-breakpoint
ALTER TABLE "attendance_scans" ADD COLUMN "request_hash" text;
--> statement-breakpoint
-- resource_book (0010) with the request hash stored beside the key, in the same statement.
DROP FUNCTION "resource_book"(uuid, uuid, integer, uuid, text, timestamptz, timestamptz, integer, integer, text, uuid, text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "resource_book"(
	p_organization_id uuid, p_resource_id uuid, p_resource_version integer, p_entry_id uuid, p_recurrence_id text,
	p_starts_at timestamptz, p_ends_at timestamptz, p_units integer, p_travel_minutes integer, p_note text,
	p_requested_by uuid, p_idempotency_key text, p_request_hash text DEFAULT NULL
) RETURNS TABLE ("outcome" text, "detail" text, "booking" jsonb) LANGUAGE plpgsql AS $$
DECLARE
	r resources%ROWTYPE;
	blackout uuid;
	approved boolean;
	written resource_bookings%ROWTYPE;
	refusal text;
	culprit uuid;
BEGIN
	SELECT * INTO r FROM resources WHERE organization_id = p_organization_id AND id = p_resource_id;
	IF NOT FOUND OR r.version <> p_resource_version THEN
		RETURN QUERY SELECT 'changed', NULL::text, NULL::jsonb;
		RETURN;
	END IF;
	-- A unit resource with a committed active booking in the way is refused by a read: no lock, no
	-- transaction id, no commit to flush. The guard would name the same booking (the earliest in
	-- the way; active bookings of a unit resource never overlap one another).
	IF r.quantity = 1 THEN
		SELECT b.id INTO culprit FROM resource_bookings b
		WHERE b.organization_id = p_organization_id AND b.resource_id = p_resource_id AND b.status IN ('pending', 'approved')
			AND b.blocked && tstzrange(p_starts_at - (r.buffer_before_minutes + p_travel_minutes) * interval '1 minute',
				p_ends_at + (r.buffer_after_minutes + p_travel_minutes) * interval '1 minute', '[)')
		ORDER BY b.blocked_start, b.id LIMIT 1;
		IF culprit IS NOT NULL THEN
			RETURN QUERY SELECT 'conflict', 'conflicting booking ' || culprit::text, NULL::jsonb;
			RETURN;
		END IF;
	END IF;
	SELECT * INTO r FROM resources WHERE organization_id = p_organization_id AND id = p_resource_id FOR UPDATE;
	IF NOT FOUND OR r.version <> p_resource_version THEN
		RETURN QUERY SELECT 'changed', NULL::text, NULL::jsonb;
		RETURN;
	END IF;
	SELECT bo.id INTO blackout FROM resource_blackouts bo
	WHERE bo.organization_id = p_organization_id AND bo.resource_id = p_resource_id
		AND bo.starts_at < p_ends_at + (r.buffer_after_minutes + p_travel_minutes) * interval '1 minute'
		AND bo.ends_at > p_starts_at - (r.buffer_before_minutes + p_travel_minutes) * interval '1 minute'
	ORDER BY bo.starts_at LIMIT 1;
	IF blackout IS NOT NULL THEN
		RETURN QUERY SELECT 'blackout', blackout::text, NULL::jsonb;
		RETURN;
	END IF;
	approved := NOT r.needs_approval;
	BEGIN
		-- blocked_start/end are computed by the guard trigger; these satisfy NOT NULL until it does
		INSERT INTO resource_bookings (organization_id, resource_id, entry_id, recurrence_id, starts_at, ends_at, units,
			buffer_before_minutes, buffer_after_minutes, travel_before_minutes, travel_after_minutes, blocked_start, blocked_end,
			status, note, requested_by, idempotency_key, request_hash, decided_at, decision_reason)
		VALUES (p_organization_id, p_resource_id, p_entry_id, p_recurrence_id, p_starts_at, p_ends_at, p_units,
			r.buffer_before_minutes, r.buffer_after_minutes, p_travel_minutes, p_travel_minutes, p_starts_at, p_ends_at,
			CASE WHEN approved THEN 'approved' ELSE 'pending' END, p_note, p_requested_by, p_idempotency_key, p_request_hash,
			CASE WHEN approved THEN now() END, CASE WHEN approved THEN 'approved at once: the resource needs no approval' END)
		RETURNING * INTO written;
	EXCEPTION WHEN exclusion_violation THEN
		GET STACKED DIAGNOSTICS refusal = PG_EXCEPTION_DETAIL;
		RETURN QUERY SELECT 'conflict', refusal, NULL::jsonb;
		RETURN;
	END;
	INSERT INTO resource_booking_events (organization_id, booking_id, action, to_status, actor_id)
	VALUES (p_organization_id, written.id, CASE WHEN approved THEN 'auto_approved' ELSE 'requested' END, written.status, p_requested_by);
	RETURN QUERY SELECT 'booked', NULL::text, to_jsonb(written);
END
$$;
--> statement-breakpoint
-- Reply links are no longer stored (src/features/attendance/rsvp-links.ts rsvpUrlOfNotification makes
-- them at delivery): the links written before are taken out of the outbox rows and of the kept mail.
UPDATE "notifications" SET "payload" = "payload" - 'rsvpUrl' - 'links' WHERE "payload" ? 'rsvpUrl' OR "payload" ? 'links';
--> statement-breakpoint
UPDATE "mail_outbox" SET
	"text" = regexp_replace("text", 'https?://[^[:space:]"<>]*/rsvp\?token=[A-Za-z0-9_.%-]+', '{{reply-link}}', 'g'),
	"html" = regexp_replace("html", 'https?://[^[:space:]"<>]*/rsvp\?token=[A-Za-z0-9_.%-]+', '{{reply-link}}', 'g')
WHERE "text" LIKE '%/rsvp?token=%' OR "html" LIKE '%/rsvp?token=%';
--> statement-breakpoint
-- An offline scanner's clock off by more than 10 minutes (src/core/attendance/clock-skew.ts): the scan
-- keeps the time as reported and by how much the device was off; the record, corrected, is flagged.
ALTER TABLE "attendance_scans" ADD COLUMN "clock_skew_seconds" integer;
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD COLUMN "clock_skew_seconds" integer;
