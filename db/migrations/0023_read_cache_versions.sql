-- Strongly consistent read cache (issue 10 §7, lib/platform/read-cache.ts): each organization has a data
-- version, bumped IN THE TRANSACTION of every change that can alter a group read (GET /v1/groups/{groupId})
-- or a member page (GET …/members) of that organization: groups, group_members, group_links, phone_numbers
-- (verification, the active number, the tenant of a number). Token liveness (grants, connectors, refresh
-- tokens) is not cached: every read checks it in its own statement. A reader that sees version v in its
-- snapshot sees exactly the data committed with v, so an answer cached under v is the answer at v.
CREATE TABLE "tenant_data_versions" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Bumped AT COMMIT (deferred constraint triggers), once per transaction and organization: the counter's row
-- lock is taken last and held only for the commit, so it neither orders writers' other locks (no cycles)
-- nor serializes their work. `read_cache.bumped` (transaction-local) lists the organizations bumped already.
CREATE OR REPLACE FUNCTION read_cache_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t uuid;
  touched uuid[] := '{}';
  done text := coalesce(current_setting('read_cache.bumped', true), '');
BEGIN
  IF TG_TABLE_NAME = 'groups' THEN
    IF TG_OP <> 'INSERT' THEN touched := touched || OLD.tenant_id; END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || NEW.tenant_id; END IF;
  ELSIF TG_TABLE_NAME = 'phone_numbers' THEN
    -- also the number's user's organization (a user token's reach starts from the user's active number)
    IF TG_OP <> 'INSERT' THEN touched := touched || OLD.tenant_id || (SELECT tenant_id FROM users WHERE id = OLD.user_id); END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || NEW.tenant_id || (SELECT tenant_id FROM users WHERE id = NEW.user_id); END IF;
  ELSIF TG_TABLE_NAME = 'group_members' THEN
    -- a group deleted in the same transaction is found by nobody here: its own row's trigger bumps
    IF TG_OP <> 'INSERT' THEN touched := touched || (SELECT tenant_id FROM groups WHERE id = OLD.group_id); END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || (SELECT tenant_id FROM groups WHERE id = NEW.group_id); END IF;
  ELSIF TG_TABLE_NAME = 'group_links' THEN
    -- both ends: a link may cross organizations (it then reaches nothing, but either side may be read)
    IF TG_OP <> 'INSERT' THEN touched := touched || ARRAY(SELECT tenant_id FROM groups WHERE id IN (OLD.parent_id, OLD.child_id)); END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || ARRAY(SELECT tenant_id FROM groups WHERE id IN (NEW.parent_id, NEW.child_id)); END IF;
  END IF;
  FOREACH t IN ARRAY touched LOOP
    IF t IS NOT NULL AND position(t::text IN done) = 0 THEN
      INSERT INTO tenant_data_versions AS v (tenant_id, version) VALUES (t, 1)
        ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
      done := done || t::text || ',';
      PERFORM set_config('read_cache.bumped', done, true);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE fires no row trigger: every organization's version moves (tests and operators only).
CREATE OR REPLACE FUNCTION read_cache_bump_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tenant_data_versions SET version = version + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER groups_read_cache AFTER INSERT OR DELETE ON groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER groups_read_cache_update AFTER UPDATE ON groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER group_members_read_cache AFTER INSERT OR DELETE ON group_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER group_members_read_cache_update AFTER UPDATE ON group_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER group_links_read_cache AFTER INSERT OR DELETE ON group_links DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER group_links_read_cache_update AFTER UPDATE ON group_links DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER phone_numbers_read_cache AFTER INSERT OR DELETE ON phone_numbers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER phone_numbers_read_cache_update AFTER UPDATE ON phone_numbers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION read_cache_bump();
--> statement-breakpoint
CREATE TRIGGER groups_read_cache_truncate AFTER TRUNCATE ON groups FOR EACH STATEMENT EXECUTE FUNCTION read_cache_bump_all();
--> statement-breakpoint
CREATE TRIGGER group_members_read_cache_truncate AFTER TRUNCATE ON group_members FOR EACH STATEMENT EXECUTE FUNCTION read_cache_bump_all();
--> statement-breakpoint
CREATE TRIGGER group_links_read_cache_truncate AFTER TRUNCATE ON group_links FOR EACH STATEMENT EXECUTE FUNCTION read_cache_bump_all();
--> statement-breakpoint
CREATE TRIGGER phone_numbers_read_cache_truncate AFTER TRUNCATE ON phone_numbers FOR EACH STATEMENT EXECUTE FUNCTION read_cache_bump_all();
