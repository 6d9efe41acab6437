/**
 * The shapes the Google Merchant Center feed reads and writes, independent of the database rows:
 * the caller maps its store, products and variants to these, and decides which products to list
 * (normally the active, published ones).
 */

export interface FeedStore {
  name: string;
  /** The storefront's public origin; product paths and relative image URLs resolve against it. */
  baseUrl: string;
  /** ISO 4217 code; every amount is in minor units of this currency. */
  currency: string;
  /** BCP 47 language of the feed's text, e.g. `en` or `de-DE`. */
  language: string;
  /** ISO 3166-1 alpha-2 country the feed targets, e.g. `DE`. Set on the feed in Merchant Center. */
  country: string;
  /** The RSS channel's description; defaults to "Products of <name>". */
  description?: string;
}

/** Computed by the caller from stock and selling policy. */
export type FeedAvailability = 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';

export type FeedCondition = 'new' | 'refurbished' | 'used';

export interface FeedVariant {
  id: string;
  /** One value per product option, in option order (empty for a product without options). */
  optionValues: readonly string[];
  sku: string | null;
  /** The barcode as entered (EAN, UPC, ISBN …); checked before it becomes `gtin`. */
  barcode: string | null;
  /** Selling price in minor units of the store currency. */
  priceAmount: number;
  /** The "was" price; shown as the regular price with `priceAmount` as the sale price when higher. */
  compareAtAmount: number | null;
  availability: FeedAvailability;
  /** ISO 8601 date a preorder or backorder ships, e.g. `2025-03-01` or `2025-03-01T00:00:00Z`. */
  availabilityDate?: string | null;
  weightGrams: number | null;
  /** The variant's own image; the product's first image otherwise. */
  imageUrl: string | null;
}

export interface FeedProduct {
  id: string;
  title: string;
  /** The description as stored: HTML or plain text. */
  descriptionHtml: string;
  /** The product page: a storefront path (`/products/merino-sweater`) or an absolute URL. */
  path: string;
  /** The brand; most shops keep it as the vendor. */
  vendor: string | null;
  /** The store's own category path, "Apparel > Knitwear"; becomes `product_type`. */
  categoryPath: string | null;
  /** Google product taxonomy ID ("212") or full path, when the store has mapped it. */
  googleProductCategory?: string | null;
  /** Defaults to `new`. */
  condition?: FeedCondition;
  /** Image URLs in gallery order. */
  images: readonly string[];
  /** Option names in order, e.g. `["Colour", "Size"]`. */
  optionNames: readonly string[];
  variants: readonly FeedVariant[];
}

/** One Merchant Center item (a variant), keyed by Google's attribute names. */
export interface FeedItem {
  id: string;
  item_group_id?: string;
  title: string;
  description: string;
  link: string;
  image_link?: string;
  additional_image_link: string[];
  availability: string;
  availability_date?: string;
  price: string;
  sale_price?: string;
  brand?: string;
  gtin?: string;
  mpn?: string;
  identifier_exists?: 'no';
  condition: string;
  google_product_category?: string;
  product_type?: string;
  shipping_weight?: string;
  color?: string;
  size?: string;
  gender?: string;
  age_group?: string;
  material?: string;
  pattern?: string;
}

export type FeedAttribute = keyof FeedItem;

export type FeedProblemSeverity = 'error' | 'warning';

export interface FeedProblem {
  itemId: string;
  /** `error`: Google would reject the item, so the feed leaves it out. `warning`: it is listed as is. */
  severity: FeedProblemSeverity;
  code: string;
  attribute: FeedAttribute;
  message: string;
}
