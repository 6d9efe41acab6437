/** Public face of product CSV interchange: parse and write Shopify, WooCommerce and Storepilot files. */

export { type CarriedField, carriedFieldNames } from './carried-fields.ts';
export {
  detectCatalogFormat,
  type ParseProductCsvOptions,
  parseProductCsv,
  type WriteProductCsvOptions,
  writeProductCsv,
} from './product-csv.ts';
export type { ProductCsvEvent } from './product-csv-event.ts';
export type {
  CatalogFormat,
  ImageRecord,
  ParsedProduct,
  ProductOptionRecord,
  ProductRecord,
  ProductStatus,
  RowIssue,
  VariantRecord,
} from './product-record.ts';
export { catalogLimits } from './product-record.ts';
export { writeShopifyCsv } from './shopify/shopify-writer.ts';
export { writeStorepilotCsv } from './storepilot/storepilot-writer.ts';
export { writeWooCommerceCsv } from './woocommerce/woocommerce-writer.ts';
