ALTER TABLE "experiments" ADD COLUMN "shipped_as" text;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "rollout_ended_at" timestamp with time zone;--> statement-breakpoint
-- Tests shipped before the outcome was kept: a point without its own ship step was a rollout.
UPDATE "experiments" SET "shipped_as" = 'rollout', "shipped_at" = "updated_at" WHERE "status" = 'shipped' AND "point" NOT IN ('product_text', 'product_media_order');--> statement-breakpoint
UPDATE "experiments" SET "shipped_at" = "updated_at" WHERE "status" = 'shipped' AND "shipped_at" IS NULL;
