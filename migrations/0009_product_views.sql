CREATE TABLE "product_views" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"author_type" text NOT NULL,
	"author_id" text NOT NULL,
	"author_label" text NOT NULL,
	"filters" jsonb NOT NULL,
	"sort" text,
	"columns" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "product_views_store_idx" ON "product_views" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "product_views_author_name_key" ON "product_views" USING btree ("store_id","author_type","author_id",lower("name"));