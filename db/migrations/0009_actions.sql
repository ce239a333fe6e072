CREATE TYPE "public"."action_type" AS ENUM('Announcement', 'Job', 'Poll', 'Survey', 'LetsMeet');--> statement-breakpoint
CREATE TABLE "action_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"responder_phone" text NOT NULL,
	"responder_name" text NOT NULL,
	"answers" jsonb,
	"is_completed" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"group_id" uuid NOT NULL,
	"action_type" "action_type" NOT NULL,
	"sender_kind" "message_sender" NOT NULL,
	"sender_phone" text,
	"sender_connector_id" uuid,
	"sender_name" text NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"is_sender_only" boolean DEFAULT false NOT NULL,
	"accept_multiple_responses" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_responses" ADD CONSTRAINT "action_responses_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_sender_connector_id_connectors_id_fk" FOREIGN KEY ("sender_connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_responses_action_idx" ON "action_responses" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "action_responses_responder_idx" ON "action_responses" USING btree ("action_id","responder_phone");--> statement-breakpoint
CREATE INDEX "actions_group_page_idx" ON "actions" USING btree ("group_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "actions_reference_uq" ON "actions" USING btree ("reference_id");