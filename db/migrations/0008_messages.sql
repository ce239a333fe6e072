CREATE TYPE "public"."event_object_type" AS ENUM('Group', 'Action', 'ActionPackage');--> statement-breakpoint
CREATE TYPE "public"."message_sender" AS ENUM('member', 'connector', 'bot');--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"group_id" uuid NOT NULL,
	"sender_kind" "message_sender" NOT NULL,
	"sender_phone" text,
	"sender_connector_id" uuid,
	"sender_name" text NOT NULL,
	"text" text NOT NULL,
	"reference_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscribers" text[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"group_id" uuid,
	"object_id" uuid NOT NULL,
	"object_type" "event_object_type" NOT NULL,
	"event_type" text NOT NULL,
	"data" jsonb NOT NULL,
	"from_user_phone" text,
	"from_user_name" text,
	"from_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_connector_id_connectors_id_fk" FOREIGN KEY ("sender_connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_events" ADD CONSTRAINT "platform_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_events" ADD CONSTRAINT "platform_events_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_events" ADD CONSTRAINT "platform_events_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_group_page_idx" ON "messages" USING btree ("group_id","created_at","id");--> statement-breakpoint
CREATE INDEX "messages_reference_idx" ON "messages" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "platform_events_object_time_idx" ON "platform_events" USING btree ("object_id","created_at");--> statement-breakpoint
CREATE INDEX "platform_events_time_idx" ON "platform_events" USING btree ("created_at");