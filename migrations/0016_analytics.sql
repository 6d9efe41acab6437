CREATE TABLE "analytics_daily" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"page_views" integer DEFAULT 0 NOT NULL,
	"product_views" integer DEFAULT 0 NOT NULL,
	"cart_sessions" integer DEFAULT 0 NOT NULL,
	"checkout_sessions" integer DEFAULT 0 NOT NULL,
	"shipping_sessions" integer DEFAULT 0 NOT NULL,
	"payment_sessions" integer DEFAULT 0 NOT NULL,
	"purchase_sessions" integer DEFAULT 0 NOT NULL,
	"searches" integer DEFAULT 0 NOT NULL,
	"searches_without_results" integer DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"new_customer_orders" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"gross_sales" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"shipping" bigint DEFAULT 0 NOT NULL,
	"tax" bigint DEFAULT 0 NOT NULL,
	"total_sales" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refunded_orders" integer DEFAULT 0 NOT NULL,
	"cost" bigint DEFAULT 0 NOT NULL,
	"costed_sales" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_store_id_day_dimension_value_pk" PRIMARY KEY("store_id","day","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_products" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"product_id" text NOT NULL,
	"category_id" text,
	"vendor" text,
	"product_type" text,
	"views" integer DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"gross_sales" bigint DEFAULT 0 NOT NULL,
	"discounts" bigint DEFAULT 0 NOT NULL,
	"cost" bigint DEFAULT 0 NOT NULL,
	"costed_sales" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_products_store_id_day_product_id_pk" PRIMARY KEY("store_id","day","product_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_searches" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"term" text NOT NULL,
	"searches" integer NOT NULL,
	"without_results" integer NOT NULL,
	CONSTRAINT "analytics_daily_searches_store_id_day_term_pk" PRIMARY KEY("store_id","day","term")
);
--> statement-breakpoint
CREATE TABLE "analytics_dirty_days" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_dirty_days_store_id_day_pk" PRIMARY KEY("store_id","day")
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
CREATE TABLE "analytics_order_facts" (
	"store_id" text NOT NULL,
	"order_id" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"customer_id" text,
	"currency" text NOT NULL,
	"exchange_rate" text,
	"gross_sales" bigint NOT NULL,
	"discounts" bigint NOT NULL,
	"shipping" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"tax_included" boolean NOT NULL,
	"units" integer NOT NULL,
	"origin" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"session_id" text,
	"channel" text,
	"campaign" text,
	"source_medium" text,
	"device" text,
	"country" text,
	CONSTRAINT "analytics_order_facts_store_id_order_id_pk" PRIMARY KEY("store_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_order_line_facts" (
	"store_id" text NOT NULL,
	"line_id" text NOT NULL,
	"order_id" text NOT NULL,
	"day" date NOT NULL,
	"product_id" text,
	"variant_id" text,
	"category_id" text,
	"vendor" text,
	"product_type" text,
	"quantity" integer NOT NULL,
	"gross_sales" bigint NOT NULL,
	"discounts" bigint NOT NULL,
	"cost" bigint,
	CONSTRAINT "analytics_order_line_facts_store_id_line_id_pk" PRIMARY KEY("store_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_refund_facts" (
	"store_id" text NOT NULL,
	"refund_id" text NOT NULL,
	"order_id" text NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "analytics_refund_facts_store_id_refund_id_pk" PRIMARY KEY("store_id","refund_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_settings" (
	"store_id" text PRIMARY KEY NOT NULL,
	"consent_mode" text DEFAULT 'not_required' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_order_facts_day_idx" ON "analytics_order_facts" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "analytics_order_facts_customer_idx" ON "analytics_order_facts" USING btree ("store_id","customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "analytics_order_line_facts_day_idx" ON "analytics_order_line_facts" USING btree ("store_id","day");--> statement-breakpoint
CREATE INDEX "analytics_refund_facts_day_idx" ON "analytics_refund_facts" USING btree ("store_id","day");