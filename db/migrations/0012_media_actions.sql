ALTER TYPE "public"."action_type" ADD VALUE 'Image';--> statement-breakpoint
ALTER TYPE "public"."action_type" ADD VALUE 'Audio';--> statement-breakpoint
ALTER TYPE "public"."action_type" ADD VALUE 'Document';--> statement-breakpoint
ALTER TYPE "public"."action_type" ADD VALUE 'Video';--> statement-breakpoint
ALTER TYPE "public"."action_type" ADD VALUE 'Album';