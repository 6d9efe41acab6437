CREATE TABLE "support_macros" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"locale_bodies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"actions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "support_macros_name_idx" ON "support_macros" USING btree ("store_id",lower("name"));--> statement-breakpoint
CREATE INDEX "support_macros_store_idx" ON "support_macros" USING btree ("store_id","created_at");