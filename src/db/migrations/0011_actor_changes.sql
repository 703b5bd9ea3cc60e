-- Who a token or a session cookie is, is remembered by each app process for a while
-- (src/features/auth/actor-cache.ts). Whatever could change the answer announces itself on the
-- channel kalendaryo_actors, and every process forgets what it remembered: a token revoked, a
-- session ended, a user changed (role, active flag, name, zone) or removed, in any process.
CREATE FUNCTION "actors_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('kalendaryo_actors', TG_TABLE_NAME);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_actors_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "actors_changed"();
--> statement-breakpoint
-- "Last used" (written about once a minute per token) changes no one: only these columns count.
CREATE TRIGGER "api_tokens_actors_changed" AFTER UPDATE OF "revoked_at", "token_hash", "user_id" OR DELETE OR TRUNCATE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION "actors_changed"();
--> statement-breakpoint
CREATE TRIGGER "sessions_actors_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "actors_changed"();
