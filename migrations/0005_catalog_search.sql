-- Catalog search (src/modules/catalog/search/). The extensions are trusted: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- Lower case without accents, so "creme" finds "Crème". unaccent() is only STABLE (its rules file
-- could change), which indexes and generated columns refuse; the dictionary is named here and its
-- rules are fixed, so this wrapper is IMMUTABLE. PL/pgSQL, because a SQL function that cannot be
-- inlined costs several times more per call.
CREATE OR REPLACE FUNCTION catalog_search_fold(value text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));
END
$$;--> statement-breakpoint
-- A product's searchable text, weighted: title A; vendor, product type and tags B; option values C;
-- description D (its HTML tags and entities are skipped by the parser). The 'simple' configuration
-- does not stem: stores write in many languages, and prefix matching plus typo correction cover
-- plurals well enough without guessing the language.
CREATE OR REPLACE FUNCTION catalog_search_document(
  title text, vendor text, product_type text, tags text[], options jsonb, description text
) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN setweight(to_tsvector('simple'::regconfig, catalog_search_fold(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('simple'::regconfig, catalog_search_fold(
         coalesce(vendor, '') || ' ' || coalesce(product_type, '') || ' ' || coalesce(array_to_string(tags, ' '), ''))), 'B')
    || setweight(to_tsvector('simple'::regconfig, catalog_search_fold(
         coalesce(jsonb_path_query_array(options, '$[*].values[*]')::text, ''))), 'C')
    || setweight(to_tsvector('simple'::regconfig, catalog_search_fold(coalesce(description, ''))), 'D');
END
$$;--> statement-breakpoint
-- The product's option values as 'Name<U+001F>Value' pairs, for facet counts: unnesting a text
-- array costs several times less than walking the options JSON of every matching product.
-- Index arithmetic rather than SELECTs over jsonb_array_elements: no query per call.
CREATE OR REPLACE FUNCTION catalog_facet_options(options jsonb) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  pairs text[] := '{}';
  option jsonb;
BEGIN
  IF jsonb_typeof(options) IS DISTINCT FROM 'array' THEN
    RETURN pairs;
  END IF;
  FOR i IN 0 .. jsonb_array_length(options) - 1 LOOP
    option := options -> i;
    IF jsonb_typeof(option -> 'values') = 'array' AND option ->> 'name' IS NOT NULL THEN
      FOR j IN 0 .. jsonb_array_length(option -> 'values') - 1 LOOP
        pairs := pairs || ((option ->> 'name') || chr(31) || (option -> 'values' ->> j));
      END LOOP;
    END IF;
  END LOOP;
  RETURN pairs;
END
$$;--> statement-breakpoint
-- Computed by the database as the row is written: no extra statement on the write path, and a
-- search ranks rows without re-reading their text.
ALTER TABLE "products" ADD COLUMN "search_document" tsvector
  GENERATED ALWAYS AS (catalog_search_document("title", "vendor", "product_type", "tags", "options", "description")) STORED;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "facet_options" text[]
  GENERATED ALWAYS AS (catalog_facet_options("options")) STORED;--> statement-breakpoint
-- Statistics of these two columns cost most of an ANALYZE of products and the planner does well
-- without them (the full-text index is the way in either way).
ALTER TABLE "products" ALTER COLUMN "search_document" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "facet_options" SET STATISTICS 0;--> statement-breakpoint
-- A small pending list: inserts stay batched, and a search never scans more than 512 kB of entries
-- not yet merged (PGlite has no autovacuum to merge them; PostgreSQL merges them in the background).
CREATE INDEX "products_search_document_idx" ON "products" USING gin ("search_document")
  WITH (gin_pending_list_limit = 512);--> statement-breakpoint
-- The admin list finds a SKU by its beginning, in any case (people paste part of one).
CREATE INDEX "product_variants_sku_prefix_idx" ON "product_variants" ("store_id", upper("sku") text_pattern_ops);--> statement-breakpoint
-- Translated titles and descriptions, matched when a shopper searches in that locale.
CREATE INDEX "catalog_translations_search_idx" ON "catalog_translations"
  USING gin (to_tsvector('simple'::regconfig, catalog_search_fold("value")))
  WHERE "field" IN ('title', 'description');--> statement-breakpoint
CREATE TABLE "catalog_search_vocabularies" (
	"store_id" text PRIMARY KEY NOT NULL,
	"product_count" integer NOT NULL,
	"last_change_at" timestamp with time zone,
	"translation_count" integer DEFAULT 0 NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_search_words" (
	"store_id" text NOT NULL,
	"word" text NOT NULL,
	"product_count" integer NOT NULL,
	CONSTRAINT "catalog_search_words_store_id_word_pk" PRIMARY KEY("store_id","word")
);
--> statement-breakpoint
CREATE TABLE "product_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"changes" jsonb,
	"approved_fingerprint" text,
	"published_diff" jsonb,
	"note" text,
	"review_comment" text,
	"created_by" jsonb NOT NULL,
	"submitted_by" jsonb,
	"submitted_at" timestamp with time zone,
	"reviewed_by" jsonb,
	"reviewed_at" timestamp with time zone,
	"closed_by" jsonb,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"action" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"local_time" text NOT NULL,
	"timezone" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"outcome" text,
	"created_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "product_revisions" ADD CONSTRAINT "product_revisions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_schedules" ADD CONSTRAINT "product_schedules_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_search_words_trgm_idx" ON "catalog_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "product_revisions_number_key" ON "product_revisions" USING btree ("product_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "product_revisions_open_key" ON "product_revisions" USING btree ("product_id") WHERE state in ('draft', 'in_review', 'changes_requested', 'approved');--> statement-breakpoint
CREATE INDEX "product_revisions_store_state_idx" ON "product_revisions" USING btree ("store_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "product_schedules_pending_key" ON "product_schedules" USING btree ("product_id","action") WHERE state = 'scheduled';--> statement-breakpoint
CREATE INDEX "product_schedules_product_idx" ON "product_schedules" USING btree ("product_id","created_at");