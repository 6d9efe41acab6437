CREATE TABLE "briefing_mail_subscriptions" (
	"user_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"send_hour" smallint NOT NULL,
	"time_zone" text NOT NULL,
	"last_sent_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_alerted_days" (
	"store_id" text NOT NULL,
	"day" date NOT NULL,
	"flagged" smallint NOT NULL,
	"alerted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_alerted_days_store_id_day_pk" PRIMARY KEY("store_id","day")
);
