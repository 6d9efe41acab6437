CREATE TABLE "customer_group_members" (
	"group_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"store_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_group_members_group_id_customer_id_pk" PRIMARY KEY("group_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_marketing_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"actor_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_marketing_consents_status_check" CHECK ("customer_marketing_consents"."status" in ('granted', 'withdrawn')),
	CONSTRAINT "customer_marketing_consents_channel_check" CHECK ("customer_marketing_consents"."channel" in ('email')),
	CONSTRAINT "customer_marketing_consents_source_check" CHECK ("customer_marketing_consents"."source" in ('checkout_checkbox', 'signup_form', 'double_opt_in', 'admin', 'import', 'unsubscribe'))
);
--> statement-breakpoint
CREATE TABLE "customer_segments" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"match" text DEFAULT 'all' NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_segments_match_check" CHECK ("customer_segments"."match" in ('all', 'any'))
);
--> statement-breakpoint
ALTER TABLE "customer_tokens" DROP CONSTRAINT "customer_tokens_purpose_check";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "marketing_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "marketing_consent_source" text;--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_group_id_customer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."customer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_marketing_consents" ADD CONSTRAINT "customer_marketing_consents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_group_members_customer_idx" ON "customer_group_members" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_groups_store_name_key" ON "customer_groups" USING btree ("store_id",lower("name"));--> statement-breakpoint
CREATE INDEX "customer_marketing_consents_customer_idx" ON "customer_marketing_consents" USING btree ("customer_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_segments_store_name_key" ON "customer_segments" USING btree ("store_id",lower("name"));--> statement-breakpoint
ALTER TABLE "customer_tokens" ADD CONSTRAINT "customer_tokens_purpose_check" CHECK ("customer_tokens"."purpose" in ('password_reset', 'activation', 'newsletter_confirmation'));