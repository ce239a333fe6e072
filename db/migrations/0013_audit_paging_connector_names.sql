DROP INDEX "audit_events_tenant_time_idx";--> statement-breakpoint
-- names already taken twice in one organization (before the rule): later ones get " (2)", " (3)", …
UPDATE "connectors" c SET "name" = c."name" || ' (' || d.n || ')'
FROM (
  SELECT id, row_number() OVER (PARTITION BY tenant_id, lower(name) ORDER BY created_at, id) AS n
  FROM "connectors" WHERE deleted_at IS NULL
) d
WHERE c.id = d.id AND d.n > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "connectors_tenant_name_uq" ON "connectors" USING btree ("tenant_id",lower("name")) WHERE "connectors"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "audit_events_actor_time_idx" ON "audit_events" USING btree ("actor_user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_connector_time_idx" ON "audit_events" USING btree ("actor_connector_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_action_time_idx" ON "audit_events" USING btree ("tenant_id","action","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_target_time_idx" ON "audit_events" USING btree ("tenant_id","target_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_tenant_time_idx" ON "audit_events" USING btree ("tenant_id","created_at","id");