CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"recipient_user_id" uuid,
	"recipient_email" text,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"entry_id" uuid,
	"occurrence_at" timestamp with time zone,
	"dedupe_key" text NOT NULL,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_recipient_check" CHECK ("notifications"."recipient_user_id" is not null or "notifications"."recipient_email" is not null),
	CONSTRAINT "notifications_channel_check" CHECK ("notifications"."channel" in ('email','in_app','push','sms')),
	CONSTRAINT "notifications_status_check" CHECK ("notifications"."status" in ('pending','sending','sent','failed','cancelled')),
	CONSTRAINT "notifications_type_check" CHECK ("notifications"."type" in ('invitation','reminder','update','cancellation','rsvp_request','booking_decision','leave_decision','digest'))
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"reminder_minutes" jsonb DEFAULT '[1440,60]'::jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"daily_digest" boolean DEFAULT false NOT NULL,
	"weekly_digest" boolean DEFAULT false NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"time_zone" text,
	"phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entry_reminder_overrides" (
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reminder_minutes" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entry_reminder_overrides_organization_id_entry_id_user_id_pk" PRIMARY KEY("organization_id","entry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"ics" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_reminder_overrides" ADD CONSTRAINT "entry_reminder_overrides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_reminder_overrides" ADD CONSTRAINT "entry_reminder_overrides_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_reminder_overrides" ADD CONSTRAINT "entry_reminder_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("organization_id","dedupe_key","channel");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("scheduled_at") WHERE "notifications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_lease_idx" ON "notifications" USING btree ("claimed_until") WHERE "notifications"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "notifications_entry_idx" ON "notifications" USING btree ("entry_id") WHERE "notifications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("recipient_user_id","channel","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions" USING btree ("organization_id","endpoint");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_notification_key" ON "mail_outbox" USING btree ("organization_id","notification_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("organization_id","created_at");--> statement-breakpoint
-- Every write path that moves, cancels or deletes an entry (a series edit included) cancels its pending
-- reminders here; the reminder planner then writes the new ones (docs/notifications.md).
CREATE FUNCTION "notifications_cancel_moved_reminders"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE notifications SET status = 'cancelled', updated_at = now()
	 WHERE status = 'pending' AND type = 'reminder' AND organization_id = NEW.organization_id
	   AND (entry_id = NEW.id OR (NEW.series_id IS NOT NULL AND entry_id = NEW.series_id AND occurrence_at = NEW.recurrence_id_at));
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "entries_cancel_moved_reminders" AFTER UPDATE ON "entries" FOR EACH ROW
	WHEN (OLD.start_at IS DISTINCT FROM NEW.start_at OR OLD.end_at IS DISTINCT FROM NEW.end_at
		OR OLD.rrule IS DISTINCT FROM NEW.rrule OR OLD.rdate IS DISTINCT FROM NEW.rdate OR OLD.exdate IS DISTINCT FROM NEW.exdate
		OR OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.all_day IS DISTINCT FROM NEW.all_day
		OR OLD.status IS DISTINCT FROM NEW.status OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
	EXECUTE FUNCTION "notifications_cancel_moved_reminders"();
--> statement-breakpoint
CREATE TRIGGER "entries_cancel_overridden_reminders" AFTER INSERT ON "entries" FOR EACH ROW
	WHEN (NEW.series_id IS NOT NULL)
	EXECUTE FUNCTION "notifications_cancel_moved_reminders"();
