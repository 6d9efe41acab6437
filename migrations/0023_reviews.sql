CREATE TABLE "product_review_stats" (
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"review_count" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"stars_1" integer DEFAULT 0 NOT NULL,
	"stars_2" integer DEFAULT 0 NOT NULL,
	"stars_3" integer DEFAULT 0 NOT NULL,
	"stars_4" integer DEFAULT 0 NOT NULL,
	"stars_5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_review_stats_store_id_product_id_pk" PRIMARY KEY("store_id","product_id"),
	CONSTRAINT "product_review_stats_counts_check" CHECK ("product_review_stats"."review_count" >= 0 and "product_review_stats"."rating_sum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "review_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"review_id" text NOT NULL,
	"position" integer NOT NULL,
	"storage_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_request_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"product_id" text NOT NULL,
	"variant_id" text,
	"customer_id" text,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"review_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_requests" (
	"store_id" text NOT NULL,
	"order_id" text NOT NULL,
	"email" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_requests_store_id_order_id_pk" PRIMARY KEY("store_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"store_id" text PRIMARY KEY NOT NULL,
	"requests_enabled" boolean DEFAULT true NOT NULL,
	"request_delay_days" integer DEFAULT 7 NOT NULL,
	"auto_publish" boolean DEFAULT false NOT NULL,
	"min_length" integer DEFAULT 20 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"variant_id" text,
	"customer_id" text,
	"author_name" text NOT NULL,
	"author_email" text,
	"order_id" text,
	"verified" boolean DEFAULT false NOT NULL,
	"rating" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"text_digest" text NOT NULL,
	"status" text NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"replied_by" text,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "reviews_rating_check" CHECK ("reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "review_photos" ADD CONSTRAINT "review_photos_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_photos_review_idx" ON "review_photos" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_photos_key_idx" ON "review_photos" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "review_request_tokens_line_key" ON "review_request_tokens" USING btree ("store_id","order_line_id");--> statement-breakpoint
CREATE INDEX "reviews_store_status_idx" ON "reviews" USING btree ("store_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reviews_store_product_idx" ON "reviews" USING btree ("store_id","product_id","status","published_at");--> statement-breakpoint
CREATE INDEX "reviews_store_email_idx" ON "reviews" USING btree ("store_id","author_email");--> statement-breakpoint
CREATE INDEX "reviews_store_digest_idx" ON "reviews" USING btree ("store_id","text_digest");