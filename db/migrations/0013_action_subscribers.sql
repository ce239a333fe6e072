ALTER TABLE "actions" ADD COLUMN "subscribers" text[];--> statement-breakpoint
-- actions sent before targeting existed were for a ConnectGroup's admins and members only
UPDATE "actions" SET "subscribers" = '{}' WHERE "group_id" IN (SELECT "id" FROM "groups" WHERE "group_type" = 'ConnectGroup');
