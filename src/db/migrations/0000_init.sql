CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Manila' NOT NULL,
	"role" text DEFAULT 'staff' NOT NULL,
	"unit" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin','manager','staff','resource_manager','viewer'))
);
--> statement-breakpoint
CREATE TABLE "calendar_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"user_id" uuid,
	"role" text,
	"level" text NOT NULL,
	CONSTRAINT "calendar_access_subject_check" CHECK (("calendar_access"."user_id" is null) <> ("calendar_access"."role" is null)),
	CONSTRAINT "calendar_access_level_check" CHECK ("calendar_access"."level" in ('freebusy','view','edit','manage'))
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" text NOT NULL,
	"module" text,
	"color" text DEFAULT '#1f6feb' NOT NULL,
	"owner_id" uuid,
	"is_read_only" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendars_type_check" CHECK ("calendars"."type" in ('organisation','personal','holidays'))
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"latitude" double precision,
	"longitude" double precision,
	"path" uuid[] NOT NULL,
	CONSTRAINT "communities_level_check" CHECK ("communities"."level" in ('region','province','municipality','barangay'))
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"uid" text NOT NULL,
	"module" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"location" text,
	"community_id" uuid,
	"organizer_id" uuid,
	"created_by" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"is_floating" boolean DEFAULT false NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"start_date" date,
	"end_date" date,
	"time_zone" text DEFAULT 'Asia/Manila' NOT NULL,
	"zone_rules" text,
	"rrule" text,
	"rdate" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exdate" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"series_id" uuid,
	"recurrence_id" text,
	"recurrence_id_at" timestamp with time zone,
	"span_start" timestamp with time zone NOT NULL,
	"span_end" timestamp with time zone,
	"source_system" text,
	"external_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_time_order_check" CHECK ("entries"."end_at" >= "entries"."start_at"),
	CONSTRAINT "entries_priority_check" CHECK ("entries"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "entries_visibility_check" CHECK ("entries"."visibility" in ('public','internal','private')),
	CONSTRAINT "entries_override_check" CHECK (("entries"."series_id" is null) = ("entries"."recurrence_id" is null))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_access" ADD CONSTRAINT "calendar_access_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_access" ADD CONSTRAINT "calendar_access_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_access" ADD CONSTRAINT "calendar_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_series_id_entries_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_org_email_key" ON "users" USING btree ("organization_id",lower("email"));--> statement-breakpoint
CREATE INDEX "calendar_access_calendar_idx" ON "calendar_access" USING btree ("calendar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_access_user_key" ON "calendar_access" USING btree ("calendar_id","user_id") WHERE "calendar_access"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_access_role_key" ON "calendar_access" USING btree ("calendar_id","role") WHERE "calendar_access"."role" is not null;--> statement-breakpoint
CREATE INDEX "calendars_org_idx" ON "calendars" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_personal_owner_key" ON "calendars" USING btree ("owner_id") WHERE "calendars"."type" = 'personal';--> statement-breakpoint
CREATE INDEX "communities_org_idx" ON "communities" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "communities_path_idx" ON "communities" USING gin ("path");--> statement-breakpoint
CREATE INDEX "entries_calendar_idx" ON "entries" USING btree ("organization_id","calendar_id");--> statement-breakpoint
CREATE INDEX "entries_series_idx" ON "entries" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "entries_organizer_idx" ON "entries" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "entries_community_idx" ON "entries" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_source_key" ON "entries" USING btree ("organization_id","source_system","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_uid_key" ON "entries" USING btree ("organization_id","uid",coalesce("recurrence_id", ''));