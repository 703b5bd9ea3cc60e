CREATE TABLE "instance_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"key" bytea NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
