-- One booking in one statement (src/features/resources/booking-store.ts): the resource row locked,
-- then, each statement with a fresh snapshot under that lock, the blackouts read and the booking
-- and its first event written. A booking used to be a transaction of several round trips; this is
-- one, and an autocommitted call writes all of it or nothing. The overlap and stock checks stay
-- where every path meets them: resource_booking_guard (0004).
-- Refusals are answered, not raised: an error would also cost the caller its pooled connection
-- (node-postgres closes a connection a pool.query failed on), and under contention most calls are
-- refusals. One row: outcome and detail, and the booking (as JSON) when it was written:
--   booked   — detail null;
--   conflict — the guard's or the exclusion constraint's detail ("conflicting booking <id>");
--   blackout — the id of a maintenance or blackout period that meets the blocked span;
--   changed  — the resource is gone or changed (version) since the caller read its settings.
CREATE FUNCTION "resource_book"(
	p_organization_id uuid, p_resource_id uuid, p_resource_version integer, p_entry_id uuid, p_recurrence_id text,
	p_starts_at timestamptz, p_ends_at timestamptz, p_units integer, p_travel_minutes integer, p_note text,
	p_requested_by uuid, p_idempotency_key text
) RETURNS TABLE ("outcome" text, "detail" text, "booking" jsonb) LANGUAGE plpgsql AS $$
DECLARE
	r resources%ROWTYPE;
	blackout uuid;
	approved boolean;
	written resource_bookings%ROWTYPE;
	refusal text;
BEGIN
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
			status, note, requested_by, idempotency_key, decided_at, decision_reason)
		VALUES (p_organization_id, p_resource_id, p_entry_id, p_recurrence_id, p_starts_at, p_ends_at, p_units,
			r.buffer_before_minutes, r.buffer_after_minutes, p_travel_minutes, p_travel_minutes, p_starts_at, p_ends_at,
			CASE WHEN approved THEN 'approved' ELSE 'pending' END, p_note, p_requested_by, p_idempotency_key,
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
