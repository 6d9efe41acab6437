/** Public face of the catalog's SEO audit: rules, scoring, ranking and the search-result preview. */
export { auditProduct, auditStore, compareFindings, statusWeights } from './audit.ts';
export {
  type AuditContext,
  type AuditContextOptions,
  buildAuditContext,
  duplicateKey,
  type EffectiveMetaTitle,
  effectiveMetaTitle,
} from './audit-context.ts';
export { type DescriptionContent, readDescriptionHtml } from './description-html.ts';
export { seoRoutes } from './routes.ts';
export type { SeoRule } from './rules/seo-rule.ts';
export { seoRules } from './rules/seo-rules.ts';
export type {
  ProductSeoAudit,
  SeoAuditImage,
  SeoAuditProduct,
  SeoField,
  SeoFinding,
  SeoMeasurements,
  SeoProductStatus,
  SeoRuleCode,
  SeoSeverity,
  StoreSeoAudit,
} from './seo-audit-types.ts';
export {
  characterCount,
  META_DESCRIPTION_MAX_CHARS,
  META_DESCRIPTION_MIN_CHARS,
  META_TITLE_MAX_CHARS,
  META_TITLE_MIN_CHARS,
  THIN_DESCRIPTION_MIN_WORDS,
} from './seo-thresholds.ts';
export { SNIPPET_MAX_PX, TITLE_MAX_PX, textWidthPx, truncateToWidth } from './serp-width.ts';
export { type SnippetPreview, type SnippetProduct, snippetPreview } from './snippet-preview.ts';
export { countWords } from './word-count.ts';
