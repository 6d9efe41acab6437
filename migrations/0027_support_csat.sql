CREATE TABLE "support_csat_surveys" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"email" text NOT NULL,
	"send_after" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"rating" text,
	"rated_at" timestamp with time zone,
	"comment" text,
	"commented_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_settings" ADD COLUMN "csat_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "support_settings" ADD COLUMN "csat_delay_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "support_csat_surveys_token_idx" ON "support_csat_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "support_csat_surveys_due_idx" ON "support_csat_surveys" USING btree ("send_after") WHERE "support_csat_surveys"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "support_csat_surveys_sent_idx" ON "support_csat_surveys" USING btree ("store_id","sent_at");