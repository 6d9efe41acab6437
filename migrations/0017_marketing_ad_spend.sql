CREATE TABLE "marketing_ad_spend" (
	"store_id" text NOT NULL,
	"platform" text NOT NULL,
	"campaign" text NOT NULL,
	"day" date NOT NULL,
	"campaign_id" text,
	"spend" bigint NOT NULL,
	"currency" text NOT NULL,
	"spend_in_store_currency" bigint NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"conversions" double precision,
	"channel" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_ad_spend_store_id_platform_campaign_day_pk" PRIMARY KEY("store_id","platform","campaign","day")
);
