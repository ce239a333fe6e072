CREATE INDEX "group_members_role_name_idx" ON "group_members" USING btree ("group_id","role",lower("display_name"),"e164");--> statement-breakpoint
CREATE INDEX "group_members_name_idx" ON "group_members" USING btree ("group_id",lower("display_name"),"e164");--> statement-breakpoint
CREATE INDEX "groups_tenant_name_idx" ON "groups" USING btree ("tenant_id",lower("name"),"id");