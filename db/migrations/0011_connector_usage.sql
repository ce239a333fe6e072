CREATE TABLE "connector_usage" (
	"connector_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"client_errors" integer DEFAULT 0 NOT NULL,
	"throttled" integer DEFAULT 0 NOT NULL,
	"server_errors" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "connector_usage_connector_id_hour_pk" PRIMARY KEY("connector_id","hour")
);
--> statement-breakpoint
ALTER TABLE "connector_usage" ADD CONSTRAINT "connector_usage_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_usage_hour_idx" ON "connector_usage" USING btree ("hour");