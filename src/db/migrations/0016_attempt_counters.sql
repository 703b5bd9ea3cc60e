-- Attempts at secrets (passwords, API tokens, signed links, event codes) counted per account and
-- per client address in fixed windows (src/features/auth/attempt-limits.ts). In the database, so
-- every app process counts the same attempts and spreading guesses over processes gains nothing.
-- Not organisation data: keys are a rule name and a hash of the e-mail address or client network.
-- The limiter deletes rows whose window ended a day ago.
CREATE TABLE "attempt_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attempt_counters_window_idx" ON "attempt_counters" USING btree ("window_start");
