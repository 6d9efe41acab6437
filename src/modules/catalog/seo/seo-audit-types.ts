/**
 * The shapes the SEO audit reads and writes. They are independent of the database rows: the caller
 * maps a product (and its images) to a `SeoAuditProduct`, and gets plain findings back.
 */

export type SeoProductStatus = 'active' | 'draft' | 'archived';

export interface SeoAuditImage {
  url: string;
  alt: string | null;
}

export interface SeoAuditProduct {
  id: string;
  handle: string;
  title: string;
  /** The description as stored: HTML or plain text. */
  descriptionHtml: string;
  seoTitle: string | null;
  seoDescription: string | null;
  focusKeyword: string | null;
  status: SeoProductStatus;
  images: readonly SeoAuditImage[];
  /** The product page's path on the storefront, e.g. `/s/demo/products/merino-sweater`. */
  urlPath: string;
  /** BCP 47 tag of the product copy, e.g. `en` or `de-DE`; used to count words in scripts without spaces. */
  locale: string;
  /** The store's public origin, e.g. `https://shop.example`. */
  baseUrl: string;
}

/** The product field a finding points at, so the editor can focus it. */
export type SeoField = 'title' | 'seoTitle' | 'seoDescription' | 'descriptionHtml' | 'images' | 'handle';

export type SeoSeverity = 'critical' | 'warning' | 'notice';

export type SeoRuleCode =
  | 'meta_title_missing'
  | 'meta_title_too_long'
  | 'meta_title_too_short'
  | 'meta_description_missing'
  | 'meta_description_too_long'
  | 'meta_description_too_short'
  | 'duplicate_title'
  | 'duplicate_meta_title'
  | 'thin_description'
  | 'no_images'
  | 'images_missing_alt'
  | 'keyword_not_in_meta_title'
  | 'keyword_not_in_meta_description'
  | 'keyword_not_in_description'
  | 'keyword_not_in_handle'
  | 'broken_internal_links';

/** Figures a finding was measured with, for display next to the message (e.g. `{ characters: 72 }`). */
export type SeoMeasurements = Record<string, number | string | readonly string[] | readonly number[]>;

export interface SeoFinding {
  code: SeoRuleCode;
  severity: SeoSeverity;
  productId: string;
  field: SeoField;
  /** What is wrong, in plain English, with the measured value. */
  message: string;
  /** One sentence on how to fix it. */
  fix: string;
  measured: SeoMeasurements;
  /** Points this finding takes off the product's 0–100 score (the rule's weight × how far it applies). */
  penalty: number;
  /** `penalty` scaled by the product's status weight; the store-wide ranking sorts on it. */
  impact: number;
}

export interface ProductSeoAudit {
  productId: string;
  status: SeoProductStatus;
  /** 0–100; 100 means no rule fired. */
  score: number;
  /** Sum of the findings' impact: how much fixing this product is worth, store-wide. */
  impact: number;
  /** Highest impact first. */
  findings: SeoFinding[];
}

export interface StoreSeoAudit {
  /** Worst first (highest impact, then lowest score). */
  products: ProductSeoAudit[];
  /** Every finding of every product that counts (not archived), highest impact first. */
  findings: SeoFinding[];
  /** How many products each rule fired on. */
  countsByCode: Partial<Record<SeoRuleCode, number>>;
  /** Mean score over the products that count; 100 for an empty store. */
  averageScore: number;
}
