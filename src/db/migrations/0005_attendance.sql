-- Participants, RSVP and attendance (docs/attendance.md). Hand-written; src/db/schema/attendance.ts
-- mirrors it. Rows point at entries by (organization_id, id) (entries_org_id_key, 0004).
CREATE TABLE "attendance_report_fields" (
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "attendance_report_fields_pk" PRIMARY KEY ("organization_id", "key"),
	CONSTRAINT "attendance_report_fields_type_check" CHECK ("type" in ('text','select','number','boolean'))
);
--> statement-breakpoint
CREATE TABLE "entry_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"name" text NOT NULL,
	"organisation" text,
	"community_id" uuid REFERENCES "communities"("id"),
	"phone" text,
	"email" text,
	"report_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"role" text DEFAULT 'required' NOT NULL,
	"rsvp" text DEFAULT 'invited' NOT NULL,
	"rsvp_at" timestamp with time zone,
	"is_walk_in" boolean DEFAULT false NOT NULL,
	"ticket_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entry_participants_entry_fk" FOREIGN KEY ("organization_id", "entry_id") REFERENCES "entries"("organization_id", "id") ON DELETE cascade,
	CONSTRAINT "entry_participants_role_check" CHECK ("role" in ('organizer','required','optional','facilitator')),
	CONSTRAINT "entry_participants_rsvp_check" CHECK ("rsvp" in ('invited','going','maybe','declined'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "entry_participants_org_id_key" ON "entry_participants" USING btree ("organization_id", "id");
--> statement-breakpoint
CREATE INDEX "entry_participants_entry_idx" ON "entry_participants" USING btree ("organization_id", "entry_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "entry_participants_user_key" ON "entry_participants" USING btree ("organization_id", "entry_id", "user_id") WHERE "user_id" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "entry_participants_email_key" ON "entry_participants" USING btree ("organization_id", "entry_id", lower("email")) WHERE "email" is not null;
--> statement-breakpoint
CREATE TABLE "participant_rsvps" (
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"response" text NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participant_rsvps_pk" PRIMARY KEY ("organization_id", "participant_id", "occurrence_key"),
	CONSTRAINT "participant_rsvps_participant_fk" FOREIGN KEY ("organization_id", "participant_id") REFERENCES "entry_participants"("organization_id", "id") ON DELETE cascade,
	CONSTRAINT "participant_rsvps_response_check" CHECK ("response" in ('invited','going','maybe','declined'))
);
--> statement-breakpoint
CREATE TABLE "attendance_records" (
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"status" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"method" text DEFAULT 'manual' NOT NULL,
	"recorded_by" uuid REFERENCES "users"("id"),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_records_pk" PRIMARY KEY ("organization_id", "participant_id", "occurrence_key"),
	CONSTRAINT "attendance_records_participant_fk" FOREIGN KEY ("organization_id", "participant_id") REFERENCES "entry_participants"("organization_id", "id") ON DELETE cascade,
	CONSTRAINT "attendance_records_status_check" CHECK ("status" in ('checked_in','checked_out','absent')),
	CONSTRAINT "attendance_records_method_check" CHECK ("method" in ('manual','qr','nfc'))
);
--> statement-breakpoint
CREATE INDEX "attendance_records_entry_idx" ON "attendance_records" USING btree ("organization_id", "entry_id", "occurrence_key");
--> statement-breakpoint
CREATE TABLE "attendance_scans" (
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
	"idempotency_key" text NOT NULL,
	"actor_id" uuid NOT NULL REFERENCES "users"("id"),
	"device_id" text,
	"entry_id" uuid,
	"occurrence_key" text,
	"participant_id" uuid,
	"action" text NOT NULL,
	"method" text NOT NULL,
	"client_time" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	CONSTRAINT "attendance_scans_pk" PRIMARY KEY ("organization_id", "idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "attendance_occurrences" (
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"occurrence_key" text NOT NULL,
	"occurrence_at" timestamp with time zone NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"going" integer DEFAULT 0 NOT NULL,
	"maybe" integer DEFAULT 0 NOT NULL,
	"declined" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"walk_ins" integer DEFAULT 0 NOT NULL,
	"expected" integer,
	"event_code_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_occurrences_pk" PRIMARY KEY ("organization_id", "entry_id", "occurrence_key"),
	CONSTRAINT "attendance_occurrences_entry_fk" FOREIGN KEY ("organization_id", "entry_id") REFERENCES "entries"("organization_id", "id") ON DELETE cascade,
	CONSTRAINT "attendance_occurrences_expected_check" CHECK ("expected" is null or "expected" >= 0)
);
--> statement-breakpoint
CREATE INDEX "attendance_occurrences_at_idx" ON "attendance_occurrences" USING btree ("organization_id", "occurrence_at");
