ALTER TABLE "stores" ADD COLUMN "enabled_locales" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_translations" ADD COLUMN "product_id" text;--> statement-breakpoint
ALTER TABLE "catalog_translations" ADD CONSTRAINT "catalog_translations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_translations_product_idx" ON "catalog_translations" USING btree ("product_id","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_translations_handle_key" ON "catalog_translations" USING btree ("store_id","locale","value") WHERE "catalog_translations"."field" = 'handle';