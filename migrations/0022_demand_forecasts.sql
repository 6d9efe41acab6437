CREATE TABLE "insights_demand_forecasts" (
	"store_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"as_of" date NOT NULL,
	"horizon" smallint NOT NULL,
	"backtest_horizon" smallint NOT NULL,
	"forecast" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_demand_forecasts_store_id_variant_id_pk" PRIMARY KEY("store_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "insights_forecasted_days" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"variants" smallint NOT NULL,
	"forecasted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_forecasted_days_store_id_day_pk" PRIMARY KEY("store_id","day")
);
