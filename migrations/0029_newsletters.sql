CREATE TABLE "newsletter_recipients" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"newsletter_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"token_digest" text,
	"mail_message_id" text,
	"tracked" boolean DEFAULT false NOT NULL,
	"queued_at" timestamp with time zone,
	"opens" integer DEFAULT 0 NOT NULL,
	"first_opened_at" timestamp with time zone,
	"clicks" integer DEFAULT 0 NOT NULL,
	"first_clicked_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_recipients_status_check" CHECK ("newsletter_recipients"."status" in ('pending', 'queued', 'sent', 'failed', 'skipped_no_consent', 'bounced'))
);
--> statement-breakpoint
CREATE TABLE "newsletter_settings" (
	"store_id" text NOT NULL,
	"messages_per_minute" integer DEFAULT 600 NOT NULL,
	"tracking_enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_settings_store_id_pk" PRIMARY KEY("store_id")
);
--> statement-breakpoint
CREATE TABLE "newsletters" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"subject" text NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"body_html" text NOT NULL,
	"audience_kind" text NOT NULL,
	"audience_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"audience_resolved" boolean DEFAULT false NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletters_status_check" CHECK ("newsletters"."status" in ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
	CONSTRAINT "newsletters_audience_check" CHECK ("newsletters"."audience_kind" in ('all', 'segment', 'group'))
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "newsletter_recipients" ADD CONSTRAINT "newsletter_recipients_newsletter_id_newsletters_id_fk" FOREIGN KEY ("newsletter_id") REFERENCES "public"."newsletters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_recipients_unique" ON "newsletter_recipients" USING btree ("newsletter_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_recipients_token_idx" ON "newsletter_recipients" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "newsletter_recipients_status_idx" ON "newsletter_recipients" USING btree ("newsletter_id","status");--> statement-breakpoint
CREATE INDEX "newsletter_recipients_queued_idx" ON "newsletter_recipients" USING btree ("store_id","queued_at");--> statement-breakpoint
CREATE INDEX "newsletters_store_idx" ON "newsletters" USING btree ("store_id","created_at");