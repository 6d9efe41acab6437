CREATE TABLE "catalog_translations" (
	"store_id" text NOT NULL,
	"entity_id" text NOT NULL,
	"locale" text NOT NULL,
	"field" text NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_translations_entity_id_locale_field_pk" PRIMARY KEY("entity_id","locale","field")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"parent_id" text,
	"name" text NOT NULL,
	"handle" text NOT NULL,
	"path" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_images" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"position" integer NOT NULL,
	"source_url" text,
	"media_key" text,
	"width" integer,
	"height" integer,
	"alt" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"position" integer NOT NULL,
	"sku" text,
	"barcode" text,
	"option1" text DEFAULT '' NOT NULL,
	"option2" text DEFAULT '' NOT NULL,
	"option3" text DEFAULT '' NOT NULL,
	"price_amount" bigint NOT NULL,
	"compare_at_amount" bigint,
	"cost_amount" bigint,
	"weight_grams" integer,
	"requires_shipping" boolean DEFAULT true NOT NULL,
	"taxable" boolean DEFAULT true NOT NULL,
	"tax_class" text,
	"inventory_policy" text DEFAULT 'deny' NOT NULL,
	"image_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redirects" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"from_path" text NOT NULL,
	"to_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "products_store_sku_key";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "price_max_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "category_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "focus_keyword" text;--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_translations_store_idx" ON "catalog_translations" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_store_path_key" ON "categories" USING btree ("store_id","path");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_store_handle_key" ON "categories" USING btree ("store_id","handle");--> statement-breakpoint
CREATE INDEX "product_images_product_idx" ON "product_images" USING btree ("product_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_store_sku_key" ON "product_variants" USING btree ("store_id","sku");--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_options_key" ON "product_variants" USING btree ("product_id","option1","option2","option3");--> statement-breakpoint
CREATE INDEX "product_variants_product_idx" ON "product_variants" USING btree ("product_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "redirects_store_from_key" ON "redirects" USING btree ("store_id","from_path");--> statement-breakpoint
CREATE INDEX "products_store_category_idx" ON "products" USING btree ("store_id","category_id");--> statement-breakpoint
-- Products created before variants existed become single-variant products with their price and SKU,
-- and their image URL becomes the first gallery image. Ids reuse the product's unique suffix.
INSERT INTO "product_variants" ("id", "store_id", "product_id", "position", "sku", "price_amount", "created_at", "updated_at")
  SELECT 'var_' || split_part("id", '_', 2), "store_id", "id", 1, "sku", "price_amount", "created_at", "updated_at" FROM "products";--> statement-breakpoint
INSERT INTO "product_images" ("id", "store_id", "product_id", "position", "source_url", "created_at")
  SELECT 'img_' || split_part("id", '_', 2), "store_id", "id", 1, "image_url", "created_at" FROM "products" WHERE "image_url" IS NOT NULL;--> statement-breakpoint
UPDATE "products" SET "price_max_amount" = "price_amount";
