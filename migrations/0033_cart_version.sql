ALTER TABLE "carts" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every update of a cart row bumps its version, whichever code writes it: a checkout step that
-- changes the cart from the copy it read at the start of the request writes only if the version is
-- still the one it read (src/modules/checkout/carts.ts, `changeCart`).
CREATE OR REPLACE FUNCTION carts_bump_version() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER carts_bump_version BEFORE UPDATE ON "carts"
  FOR EACH ROW EXECUTE FUNCTION carts_bump_version();
