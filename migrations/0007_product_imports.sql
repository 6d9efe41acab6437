CREATE TABLE "product_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"status" text NOT NULL,
	"requested_format" text NOT NULL,
	"detected_format" text,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"created_by" jsonb NOT NULL,
	"created_can_publish" boolean NOT NULL,
	"applied_by" jsonb,
	"applied_can_publish" boolean,
	"progress" jsonb,
	"check_report" jsonb,
	"apply_report" jsonb,
	"preview" jsonb,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone,
	"apply_requested_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "product_imports_store_created_idx" ON "product_imports" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "product_imports_file_key_idx" ON "product_imports" USING btree ("file_key");