CREATE TABLE "exchange_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"base_currency" text NOT NULL,
	"quote_currency" text NOT NULL,
	"rate" numeric(24, 12) NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"effective_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_rate_check" CHECK ("exchange_rates"."rate" > 0),
	CONSTRAINT "exchange_rates_pair_check" CHECK ("exchange_rates"."base_currency" <> "exchange_rates"."quote_currency")
);
--> statement-breakpoint
CREATE TABLE "market_prices" (
	"market_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"compare_at_amount" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_prices_market_id_variant_id_pk" PRIMARY KEY("market_id","variant_id"),
	CONSTRAINT "market_prices_amount_check" CHECK ("market_prices"."amount" >= 0),
	CONSTRAINT "market_prices_compare_at_check" CHECK ("market_prices"."compare_at_amount" is null or "market_prices"."compare_at_amount" > "market_prices"."amount")
);
--> statement-breakpoint
CREATE TABLE "markets" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"handle" text NOT NULL,
	"currency" text NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_locale" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"pricing_mode" text DEFAULT 'converted' NOT NULL,
	"rounding" text DEFAULT 'none' NOT NULL,
	"convert_compare_at" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discount_codes" (
	"discount_id" text NOT NULL,
	"store_id" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_codes_discount_id_code_pk" PRIMARY KEY("discount_id","code")
);
--> statement-breakpoint
CREATE TABLE "discount_customer_usages" (
	"discount_id" text NOT NULL,
	"store_id" text NOT NULL,
	"customer_key" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "discount_customer_usages_discount_id_customer_key_pk" PRIMARY KEY("discount_id","customer_key"),
	CONSTRAINT "discount_customer_usages_used_check" CHECK ("discount_customer_usages"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "discount_usages" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"discount_id" text NOT NULL,
	"code" text,
	"customer_key" text,
	"order_ref" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "discount_usages_state_check" CHECK ("discount_usages"."state" in ('reserved', 'committed', 'released'))
);
--> statement-breakpoint
CREATE TABLE "discounts" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"percent_bp" integer,
	"amounts" jsonb,
	"applies_to" jsonb NOT NULL,
	"once_per_order" boolean DEFAULT true NOT NULL,
	"buy_x_get_y" jsonb,
	"minimum_subtotal" jsonb,
	"minimum_quantity" integer,
	"customer_segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"usage_limit" integer,
	"per_customer_limit" integer,
	"combines_with_order" boolean DEFAULT false NOT NULL,
	"combines_with_product" boolean DEFAULT false NOT NULL,
	"combines_with_shipping" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discounts_used_check" CHECK ("discounts"."used" >= 0),
	CONSTRAINT "discounts_percent_check" CHECK ("discounts"."percent_bp" is null or "discounts"."percent_bp" between 1 and 10000),
	CONSTRAINT "discounts_window_check" CHECK ("discounts"."ends_at" is null or "discounts"."ends_at" > "discounts"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "shipping_pickup_options" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"location_id" text NOT NULL,
	"name" text NOT NULL,
	"instructions" text,
	"ready_in_value" integer,
	"ready_in_unit" text,
	"countries" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_pickup_options_ready_in_check" CHECK (("shipping_pickup_options"."ready_in_value" is null) = ("shipping_pickup_options"."ready_in_unit" is null) and ("shipping_pickup_options"."ready_in_value" is null or "shipping_pickup_options"."ready_in_value" >= 0))
);
--> statement-breakpoint
CREATE TABLE "shipping_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"prices" jsonb NOT NULL,
	"min_weight_grams" integer,
	"max_weight_grams" integer,
	"estimate_min_days" integer,
	"estimate_max_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_rates_weight_check" CHECK (("shipping_rates"."min_weight_grams" is null or "shipping_rates"."min_weight_grams" >= 0) and ("shipping_rates"."max_weight_grams" is null or "shipping_rates"."max_weight_grams" >= coalesce("shipping_rates"."min_weight_grams", 0))),
	CONSTRAINT "shipping_rates_estimate_check" CHECK (("shipping_rates"."estimate_min_days" is null and "shipping_rates"."estimate_max_days" is null) or ("shipping_rates"."estimate_min_days" >= 0 and "shipping_rates"."estimate_max_days" >= "shipping_rates"."estimate_min_days"))
);
--> statement-breakpoint
CREATE TABLE "shipping_zone_destinations" (
	"zone_id" text NOT NULL,
	"store_id" text NOT NULL,
	"country" text NOT NULL,
	"region" text
);
--> statement-breakpoint
CREATE TABLE "shipping_zones" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"rest_of_world" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_classes" (
	"store_id" text NOT NULL,
	"handle" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_classes_store_id_handle_pk" PRIMARY KEY("store_id","handle")
);
--> statement-breakpoint
CREATE TABLE "tax_product_classes" (
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"class_handle" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_product_classes_store_id_product_id_pk" PRIMARY KEY("store_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"country" text NOT NULL,
	"region" text,
	"class_handle" text,
	"rate_ppm" integer NOT NULL,
	"name" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"compound" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_rate_check" CHECK ("tax_rates"."rate_ppm" between 0 and 1000000),
	CONSTRAINT "tax_rates_priority_check" CHECK ("tax_rates"."priority" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "tax_settings" (
	"store_id" text PRIMARY KEY NOT NULL,
	"prices_include_tax" boolean DEFAULT false NOT NULL,
	"tax_based_on" text DEFAULT 'shipping_address' NOT NULL,
	"origin_country" text,
	"origin_region" text,
	"shipping_taxation" text DEFAULT 'proportional' NOT NULL,
	"shipping_tax_class" text,
	"rounding" text DEFAULT 'per_line' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_settings_shipping_class_check" CHECK (("tax_settings"."shipping_taxation" = 'class') = ("tax_settings"."shipping_tax_class" is not null))
);
--> statement-breakpoint
ALTER TABLE "market_prices" ADD CONSTRAINT "market_prices_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_discount_id_discounts_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_customer_usages" ADD CONSTRAINT "discount_customer_usages_discount_id_discounts_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_rates" ADD CONSTRAINT "shipping_rates_zone_id_shipping_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."shipping_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_zone_destinations" ADD CONSTRAINT "shipping_zone_destinations_zone_id_shipping_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."shipping_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_product_classes" ADD CONSTRAINT "tax_product_classes_class_fk" FOREIGN KEY ("store_id","class_handle") REFERENCES "public"."tax_classes"("store_id","handle") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_class_fk" FOREIGN KEY ("store_id","class_handle") REFERENCES "public"."tax_classes"("store_id","handle") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_settings" ADD CONSTRAINT "tax_settings_shipping_class_fk" FOREIGN KEY ("store_id","shipping_tax_class") REFERENCES "public"."tax_classes"("store_id","handle") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rates_pair_day_key" ON "exchange_rates" USING btree ("store_id","base_currency","quote_currency","effective_on");--> statement-breakpoint
CREATE INDEX "exchange_rates_store_day_idx" ON "exchange_rates" USING btree ("store_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "markets_store_handle_key" ON "markets" USING btree ("store_id","handle");--> statement-breakpoint
CREATE UNIQUE INDEX "markets_store_primary_key" ON "markets" USING btree ("store_id") WHERE "markets"."is_primary";--> statement-breakpoint
CREATE UNIQUE INDEX "discount_codes_store_code_key" ON "discount_codes" USING btree ("store_id",lower("code"));--> statement-breakpoint
CREATE UNIQUE INDEX "discount_usages_held_key" ON "discount_usages" USING btree ("discount_id","order_ref") WHERE "discount_usages"."state" <> 'released';--> statement-breakpoint
CREATE INDEX "discount_usages_store_order_idx" ON "discount_usages" USING btree ("store_id","order_ref");--> statement-breakpoint
CREATE INDEX "discounts_store_created_idx" ON "discounts" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "discounts_store_automatic_idx" ON "discounts" USING btree ("store_id") WHERE "discounts"."kind" = 'automatic' and "discounts"."enabled";--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_pickup_options_store_location_key" ON "shipping_pickup_options" USING btree ("store_id","location_id");--> statement-breakpoint
CREATE INDEX "shipping_rates_zone_idx" ON "shipping_rates" USING btree ("zone_id","position");--> statement-breakpoint
CREATE INDEX "shipping_rates_store_idx" ON "shipping_rates" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_zone_destinations_country_key" ON "shipping_zone_destinations" USING btree ("store_id","country") WHERE "shipping_zone_destinations"."region" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_zone_destinations_region_key" ON "shipping_zone_destinations" USING btree ("store_id","region") WHERE "shipping_zone_destinations"."region" is not null;--> statement-breakpoint
CREATE INDEX "shipping_zone_destinations_zone_idx" ON "shipping_zone_destinations" USING btree ("zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_zones_store_name_key" ON "shipping_zones" USING btree ("store_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_zones_store_rest_of_world_key" ON "shipping_zones" USING btree ("store_id") WHERE "shipping_zones"."rest_of_world";--> statement-breakpoint
CREATE INDEX "tax_product_classes_class_idx" ON "tax_product_classes" USING btree ("store_id","class_handle");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_identity_key" ON "tax_rates" USING btree ("store_id","country",coalesce("region", ''),coalesce("class_handle", ''),"name");--> statement-breakpoint
CREATE INDEX "tax_rates_place_idx" ON "tax_rates" USING btree ("store_id","country","region");