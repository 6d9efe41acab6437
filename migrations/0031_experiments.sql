CREATE TABLE "experiment_exposures" (
	"experiment_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"store_id" text NOT NULL,
	"variant_key" text NOT NULL,
	"bucket" integer NOT NULL,
	"exposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_exposures_experiment_id_visitor_id_pk" PRIMARY KEY("experiment_id","visitor_id")
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"point" text NOT NULL,
	"variants" jsonb NOT NULL,
	"targeting" jsonb NOT NULL,
	"primary_metric" text NOT NULL,
	"secondary_metrics" jsonb NOT NULL,
	"guardrail_metrics" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"seed" text NOT NULL,
	"starts_at" timestamp with time zone,
	"stops_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"shipped_variant" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "experiment_exposures_store_idx" ON "experiment_exposures" USING btree ("store_id","experiment_id","variant_key");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_store_key_idx" ON "experiments" USING btree ("store_id","key");--> statement-breakpoint
CREATE INDEX "experiments_store_status_idx" ON "experiments" USING btree ("store_id","status");