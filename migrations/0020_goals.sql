CREATE TABLE "goals" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"period_kind" text NOT NULL,
	"start_day" date NOT NULL,
	"end_day" date NOT NULL,
	"scope" text NOT NULL,
	"scope_value" text,
	"target" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "goals_store_period_idx" ON "goals" USING btree ("store_id","end_day");