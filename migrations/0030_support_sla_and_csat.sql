CREATE TABLE "support_sla_alerts" (
	"store_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"clock" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_sla_alerts_ticket_id_clock_kind_pk" PRIMARY KEY("ticket_id","clock","kind")
);
--> statement-breakpoint
CREATE TABLE "support_sla_policies" (
	"store_id" text PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL,
	"hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "support_tickets" ADD COLUMN "first_response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "first_response_due_soon_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "resolution_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "resolution_due_soon_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "support_csat_surveys_token_idx" ON "support_csat_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "support_csat_surveys_due_idx" ON "support_csat_surveys" USING btree ("send_after") WHERE "support_csat_surveys"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "support_csat_surveys_sent_idx" ON "support_csat_surveys" USING btree ("store_id","sent_at");--> statement-breakpoint
CREATE INDEX "support_tickets_first_response_due_idx" ON "support_tickets" USING btree ("store_id","first_response_due_at") WHERE "support_tickets"."first_response_at" is null and "support_tickets"."status" in ('new', 'open', 'pending');--> statement-breakpoint
CREATE INDEX "support_tickets_resolution_due_idx" ON "support_tickets" USING btree ("store_id","resolution_due_at") WHERE "support_tickets"."status" in ('new', 'open', 'pending');