CREATE TYPE "public"."connection_status" AS ENUM('connected', 'needs_reconnect', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."service_auth_type" AS ENUM('oauth2', 'api_key', 'basic');--> statement-breakpoint
CREATE TYPE "public"."token_auth_method" AS ENUM('body', 'basic');--> statement-breakpoint
CREATE TABLE "connection_auth_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"browser_hash" text NOT NULL,
	"service_id" uuid NOT NULL,
	"connection_id" uuid,
	"name" text NOT NULL,
	"link_name" text NOT NULL,
	"scopes" text[] NOT NULL,
	"code_verifier_encrypted" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"link_name" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "connection_status" DEFAULT 'connected' NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"token_type" text DEFAULT 'Bearer' NOT NULL,
	"expires_at" timestamp with time zone,
	"token_version" integer DEFAULT 0 NOT NULL,
	"account_identity" text,
	"last_used_at" timestamp with time zone,
	"last_refreshed_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"preset" text,
	"auth_type" "service_auth_type" DEFAULT 'oauth2' NOT NULL,
	"client_id" text DEFAULT '' NOT NULL,
	"client_secret_encrypted" text,
	"authorization_url" text,
	"token_url" text,
	"refresh_url" text,
	"revocation_url" text,
	"default_scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"scope_delimiter" text DEFAULT ' ' NOT NULL,
	"extra_auth_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"token_auth_method" "token_auth_method" DEFAULT 'body' NOT NULL,
	"api_key_header" text,
	"allowed_base_urls" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_auth_states" ADD CONSTRAINT "connection_auth_states_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_auth_states" ADD CONSTRAINT "connection_auth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_auth_states" ADD CONSTRAINT "connection_auth_states_service_id_oauth_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."oauth_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_auth_states" ADD CONSTRAINT "connection_auth_states_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_service_id_oauth_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."oauth_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_services" ADD CONSTRAINT "oauth_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_services" ADD CONSTRAINT "oauth_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connection_auth_states_expires_idx" ON "connection_auth_states" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "connections_tenant_link_idx" ON "connections" USING btree ("tenant_id","link_name");--> statement-breakpoint
CREATE INDEX "connections_service_idx" ON "connections" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_services_tenant_name_idx" ON "oauth_services" USING btree ("tenant_id",lower("name"));