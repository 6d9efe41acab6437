/** Shapes of the tax API's answers (src/modules/tax, docs/tax.md). */

export type TaxBasis = 'shipping_address' | 'billing_address' | 'store_address';
export type ShippingTaxation = 'not_taxed' | 'by_highest_rate' | 'proportional' | 'class';
export type TaxRounding = 'per_line' | 'per_total';

export interface TaxAddress {
  country: string;
  region: string | null;
}

export interface TaxSettings {
  pricesIncludeTax: boolean;
  taxBasedOn: TaxBasis;
  storeAddress: TaxAddress | null;
  shippingTaxation: ShippingTaxation;
  shippingTaxClass: string | null;
  rounding: TaxRounding;
}

export interface TaxClass {
  handle: string;
  name: string;
  isStandard: boolean;
  rateCount: number;
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TaxRate {
  id: string;
  country: string;
  /** ISO 3166-2 (US-CA); null: the whole country. */
  region: string | null;
  taxClass: string;
  /** Millionths: 19 % = 190000. */
  ratePpm: number;
  ratePercent: string;
  name: string;
  priority: number;
  compound: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TaxRateInput {
  country: string;
  region: string | null;
  taxClass: string;
  ratePpm: number;
  name: string;
  priority: number;
  compound: boolean;
}

export interface TaxPreset {
  key: 'eu' | 'us';
  name: string;
  source: { title: string; url: string; asOf: string };
  classes: { handle: string; name: string }[];
  rates: {
    country: string;
    region: string | null;
    taxClass: string;
    ratePpm: number;
    ratePercent: string;
    name: string;
  }[];
}

/** What writing a set of rates did (a preset, a CSV import). */
export interface RateSetReport {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface PresetInstallReport extends RateSetReport {
  preset: 'eu' | 'us';
  classesCreated: string[];
}

export interface TaxCsvImportReport extends RateSetReport {
  rows: number;
  dryRun: boolean;
  replace: boolean;
}

export interface RateAmount {
  rateId: string;
  name: string;
  ratePpm: number;
  compound: boolean;
  priority: number;
  amount: number;
}

export interface LineTax {
  lineId: string;
  quantity: number;
  taxClass: string;
  net: number;
  tax: number;
  gross: number;
  taxes: RateAmount[];
}

export interface TaxQuote {
  currency: string;
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  lines: LineTax[];
  shipping: {
    taxation: ShippingTaxation;
    parts: { taxClass: string; amount: number; tax: number }[];
    net: number;
    tax: number;
    gross: number;
    taxes: RateAmount[];
  } | null;
  totals: { net: number; tax: number; gross: number; byRate: (RateAmount & { net: number })[] };
  taxAddress: { country: string; region: string | null; source: TaxBasis };
  rateLevel: 'region' | 'country' | 'none';
}

export interface TaxPreviewRequest {
  currency: string;
  lines: { lineId: string; productId: string; amount: number; quantity: number }[];
  shipping: { amount: number } | null;
  shippingAddress: TaxAddress | null;
  billingAddress: TaxAddress | null;
}
