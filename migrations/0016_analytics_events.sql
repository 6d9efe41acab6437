CREATE TABLE "analytics_daily_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_events" (
	"store_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"origin" text NOT NULL,
	"visitor_id" text NOT NULL,
	"session_id" text NOT NULL,
	"session_start" boolean DEFAULT false NOT NULL,
	"consented" boolean DEFAULT true NOT NULL,
	"customer_id" text,
	"source" text,
	"medium" text,
	"campaign" text,
	"term" text,
	"content" text,
	"channel" text NOT NULL,
	"referrer_host" text,
	"landing_path" text,
	"page_path" text,
	"device" text NOT NULL,
	"country" text,
	"product_id" text,
	"variant_id" text,
	"list_name" text,
	"search_term" text,
	"results_count" integer,
	"order_id" text,
	"value" bigint,
	"currency" text,
	"items" jsonb,
	CONSTRAINT "analytics_events_store_id_occurred_at_event_id_pk" PRIMARY KEY("store_id","occurred_at","event_id")
) PARTITION BY RANGE ("occurred_at");
-- Written by hand: drizzle-kit does not declare partitioned tables. One partition per calendar month
-- (UTC) is created by the writer before its first event of that month (ensureEventPartitions).
--> statement-breakpoint
CREATE TABLE "analytics_filtered_hits" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "analytics_filtered_hits_store_id_day_reason_pk" PRIMARY KEY("store_id","day","reason")
);
--> statement-breakpoint
CREATE TABLE "analytics_settings" (
	"store_id" text PRIMARY KEY NOT NULL,
	"consent_mode" text DEFAULT 'not_required' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
