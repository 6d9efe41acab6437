CREATE TABLE "privacy_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"customer_id" text NOT NULL,
	"customer_label" text NOT NULL,
	"requested_by_type" text NOT NULL,
	"requested_by_id" text,
	"requested_by_label" text NOT NULL,
	"document" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "privacy_requests_kind_check" CHECK ("privacy_requests"."kind" in ('export', 'erasure')),
	CONSTRAINT "privacy_requests_source_check" CHECK ("privacy_requests"."source" in ('admin', 'customer'))
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"store_id" text PRIMARY KEY NOT NULL,
	"analytics_retention_months" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_settings_retention_check" CHECK ("privacy_settings"."analytics_retention_months" is null or "privacy_settings"."analytics_retention_months" in (2, 14, 26, 38, 50))
);
--> statement-breakpoint
CREATE INDEX "privacy_requests_store_idx" ON "privacy_requests" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_customer_idx" ON "privacy_requests" USING btree ("store_id","customer_id","kind");