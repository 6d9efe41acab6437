ALTER TABLE "analytics_daily" ADD COLUMN "item_view_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD COLUMN "funnel_view_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD COLUMN "funnel_cart_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD COLUMN "funnel_checkout_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD COLUMN "funnel_shipping_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD COLUMN "funnel_payment_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD COLUMN "funnel_purchase_sessions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Days rolled up before the closed funnel existed are worked out again by the rollup job.
INSERT INTO "analytics_dirty_days" ("store_id", "day", "marked_at") SELECT DISTINCT "store_id", "day", now() FROM "analytics_daily" ON CONFLICT DO NOTHING;
