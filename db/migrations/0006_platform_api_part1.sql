CREATE TABLE "idempotency_keys" (
	"connector_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer,
	"response" jsonb,
	"headers" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_connector_id_key_pk" PRIMARY KEY("connector_id","key")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_connector_id" uuid;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "image_url" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "created_by_connector_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_connector_id_connectors_id_fk" FOREIGN KEY ("actor_connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_created_by_connector_id_connectors_id_fk" FOREIGN KEY ("created_by_connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_id_uq" ON "group_members" USING btree ("id");--> statement-breakpoint
CREATE INDEX "group_members_page_idx" ON "group_members" USING btree ("group_id","role","e164");