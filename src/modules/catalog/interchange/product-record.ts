/**
 * The format-neutral shape of one product as it travels in and out of the store: every CSV format
 * (Shopify, WooCommerce, Storepilot's own) parses into it and is written from it, and the import
 * service turns it into catalog rows. Amounts are integer minor units of the store's currency.
 */
export type ProductStatus = 'draft' | 'active' | 'archived';

export interface ProductOptionRecord {
  /** e.g. "Size". */
  name: string;
  /** Values in the order they first appear, e.g. ["S", "M", "L"]. */
  values: string[];
}

export interface VariantRecord {
  sku: string | null;
  barcode: string | null;
  /** One value per product option, in option order (empty when the product has no options). */
  optionValues: string[];
  priceAmount: number;
  compareAtAmount: number | null;
  costAmount: number | null;
  /** Shipping weight in grams. */
  weightGrams: number | null;
  requiresShipping: boolean;
  taxable: boolean;
  /** Tax class name (Shopify "Variant Tax Code", WooCommerce "Tax class"); null = the store default. */
  taxClass: string | null;
  /** Stock on hand as exported by the source platform; null when not tracked. */
  inventoryQuantity: number | null;
  /** "continue" keeps selling when out of stock. */
  inventoryPolicy: 'deny' | 'continue';
  /** Source URL of the image shown for this variant. */
  imageSrc: string | null;
}

export interface ImageRecord {
  src: string;
  /** 1-based position in the product's gallery. */
  position: number;
  alt: string | null;
}

export interface ProductRecord {
  handle: string;
  title: string;
  /** HTML as the source platform stored it. */
  descriptionHtml: string;
  vendor: string | null;
  productType: string | null;
  /** Category path, levels separated by " > " (e.g. "Clothing > Tshirts"). */
  category: string | null;
  tags: string[];
  status: ProductStatus;
  seoTitle: string | null;
  seoDescription: string | null;
  /** Up to three options; an empty list means a single default variant. */
  options: ProductOptionRecord[];
  /** At least one; up to 100. */
  variants: VariantRecord[];
  images: ImageRecord[];
}

/** A problem found in an input file, pinned to where it is. */
export interface RowIssue {
  /** 1-based line number of the data row in the file (the header is row 1). */
  row: number;
  /** The column's header as written in the file, when the problem is in one cell. */
  column: string | null;
  /** Machine-readable, e.g. "invalid_price", "missing_title", "duplicate_sku". */
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What a format parser yields, one product at a time, so files of any size stream through. */
export interface ParsedProduct {
  record: ProductRecord;
  /** The file rows this product came from (first and last, 1-based like RowIssue.row). */
  rows: { first: number; last: number };
  /** Problems in those rows. A product with any 'error' issue must not be written. */
  issues: RowIssue[];
}

export type CatalogFormat = 'shopify' | 'woocommerce' | 'storepilot';

export const catalogLimits = {
  maxOptions: 3,
  maxVariants: 100,
} as const;
