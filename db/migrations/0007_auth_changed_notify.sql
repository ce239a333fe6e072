-- Token exchanges are answered from an in-memory cache of verdicts (lib/tokens/exchange-cache.ts). Anything
-- that can change a verdict tells every app instance at once: NOTIFY auth_changed, after commit. (A refresh
-- token's first use, `used_at`, changes no verdict: it is the one column left out.)
CREATE OR REPLACE FUNCTION notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER connectors_auth_changed AFTER UPDATE OR DELETE ON connectors FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER connector_secrets_auth_changed AFTER UPDATE OR DELETE ON connector_secrets FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER grants_auth_changed AFTER UPDATE OR DELETE ON grants FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER refresh_tokens_auth_changed AFTER UPDATE OF grant_id, family_id, lookup_hash, issued_at, expires_at, spent_at, replaced_by, revoked_at OR DELETE ON refresh_tokens FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
