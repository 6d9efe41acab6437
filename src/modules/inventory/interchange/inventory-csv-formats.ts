/**
 * The two inventory CSV layouts: one row per variant and location, on hand being the number that
 * is read back.
 *
 * Shopify's inventory CSV ("Exporting or importing inventory with a CSV file",
 * https://help.shopify.com/en/manual/products/inventory/getting-started-with-inventory/inventory-csv,
 * section "Inventory CSV file format"): the variant is named by Handle and Option1–3 Name/Value
 * (Title / Default Title for a product without options) and SKU; HS Code and COO are customs
 * data; then the Location and its quantities. On import Shopify reads only On hand, which may be
 * "not stocked" for a variant never kept at that location. Committed, Unavailable, Available and
 * Incoming are informational: On hand = Committed + Unavailable + Available.
 *
 * Storepilot's own layout is the short form of the same thing: SKU, Variant ID, Location, On hand.
 */
export const shopifyInventoryHeader = [
  'Handle',
  'Title',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'SKU',
  'HS Code',
  'COO',
  'Location',
  'Incoming',
  'Unavailable',
  'Committed',
  'Available',
  'On hand',
] as const;

export const storepilotInventoryHeader = ['SKU', 'Variant ID', 'Location', 'On hand'] as const;

export const inventoryCsvFormats = ['shopify', 'storepilot'] as const;
export type InventoryCsvFormat = (typeof inventoryCsvFormats)[number];

/** What Shopify writes for a variant not kept at a location; read as "leave it as it is". */
export const notStocked = 'not stocked';

/** Shopify's option name and value for a product without options. */
export const shopifyNoOptions = { name: 'Title', value: 'Default Title' } as const;

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Where each column a format reads is in a header row (undefined: absent). */
export interface InventoryColumns {
  format: InventoryCsvFormat;
  handle?: number;
  optionValues: (number | undefined)[];
  sku?: number;
  variantId?: number;
  location?: number;
  onHand?: number;
  /** The header cells as written, for messages. */
  names: string[];
}

/**
 * Finds the columns in a header row (case and spacing do not matter). Shopify files are told by
 * Handle or Option1 Value; newer Shopify exports call the number to import "On hand (new)".
 */
export function inventoryColumns(
  header: readonly string[],
  format: InventoryCsvFormat | 'auto',
): InventoryColumns {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalise(cell);
    if (key && !index.has(key)) index.set(key, i);
  });
  const at = (...names: string[]) => names.map((n) => index.get(n)).find((i) => i !== undefined);
  const detected: InventoryCsvFormat =
    format !== 'auto' ? format : at('handle', 'option1 value') !== undefined ? 'shopify' : 'storepilot';
  return {
    format: detected,
    handle: detected === 'shopify' ? at('handle') : undefined,
    optionValues:
      detected === 'shopify' ? [at('option1 value'), at('option2 value'), at('option3 value')] : [],
    sku: at('sku', 'variant sku'),
    variantId: detected === 'storepilot' ? at('variant id') : undefined,
    location: at('location'),
    onHand: at('on hand', 'on hand (new)'),
    names: header.map((cell) => cell.trim()),
  };
}
