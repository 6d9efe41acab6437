CREATE TABLE "product_image_files" (
	"image_id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"format" text,
	"bytes" integer,
	"sizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"download_status" text,
	"download_error_code" text,
	"download_error" text,
	"download_attempts" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_image_files" ADD CONSTRAINT "product_image_files_image_id_product_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."product_images"("id") ON DELETE cascade ON UPDATE no action;