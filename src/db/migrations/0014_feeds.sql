-- Secret subscription URLs (src/features/feeds, docs/feeds.md): only the secret's SHA-256 is kept.
CREATE TABLE "feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
	"owner_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"name" text NOT NULL,
	"calendar_ids" uuid[],
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"detail" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"content_tag" text,
	"content_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "feeds_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "feeds_detail_check" CHECK ("detail" in ('busy','titles','full'))
);
--> statement-breakpoint
CREATE INDEX "feeds_owner_idx" ON "feeds" USING btree ("organization_id","owner_id");
