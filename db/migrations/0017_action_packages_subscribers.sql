ALTER TYPE "public"."action_type" ADD VALUE 'Custom';--> statement-breakpoint
CREATE TABLE "action_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"package_id" text NOT NULL,
	"name" text NOT NULL,
	"template" jsonb NOT NULL,
	"connector_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "subscribers" text[];--> statement-breakpoint
-- actions sent before targeting existed were for a ConnectGroup's admins and members only
UPDATE "actions" SET "subscribers" = '{}' WHERE "group_id" IN (SELECT "id" FROM "groups" WHERE "group_type" = 'ConnectGroup');--> statement-breakpoint
ALTER TABLE "action_packages" ADD CONSTRAINT "action_packages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_packages" ADD CONSTRAINT "action_packages_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_packages_tenant_id_uq" ON "action_packages" USING btree ("tenant_id","package_id") WHERE deleted_at IS NULL;