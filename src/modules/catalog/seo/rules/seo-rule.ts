import type { AuditContext, EffectiveMetaTitle } from '../audit-context.ts';
import { effectiveMetaTitle } from '../audit-context.ts';
import { type DescriptionContent, readDescriptionHtml } from '../description-html.ts';
import { type PreparedKeyword, prepareKeyword } from '../keyword-match.ts';
import type {
  SeoAuditProduct,
  SeoField,
  SeoMeasurements,
  SeoRuleCode,
  SeoSeverity,
} from '../seo-audit-types.ts';
import { collapseWhitespace } from '../seo-thresholds.ts';

/** A product read once (description parsed, meta title resolved, keyword prepared) for every rule. */
export interface PreparedProduct {
  product: SeoAuditProduct;
  content: DescriptionContent;
  metaTitle: EffectiveMetaTitle;
  /** The meta description with whitespace collapsed; empty when none is set. */
  metaDescription: string;
  keyword: PreparedKeyword | null;
}

export function prepareProduct(product: SeoAuditProduct, context: AuditContext): PreparedProduct {
  return {
    product,
    content: readDescriptionHtml(product.descriptionHtml),
    metaTitle: effectiveMetaTitle(product, context.storeName),
    metaDescription: collapseWhitespace(product.seoDescription ?? ''),
    keyword: product.focusKeyword ? prepareKeyword(product.focusKeyword) : null,
  };
}

export interface RuleHit {
  message: string;
  fix: string;
  measured: SeoMeasurements;
  /** How far the rule applies, 0 < extent ≤ 1 (e.g. the share of images without alt text); 1 if omitted. */
  extent?: number;
}

export interface SeoRule {
  code: SeoRuleCode;
  severity: SeoSeverity;
  /** Points off the 0–100 product score when the rule applies in full. */
  weight: number;
  field: SeoField;
  check(product: PreparedProduct, context: AuditContext): RuleHit | null;
}

/** "“text”", for quoting a value inside a message. */
export function quote(text: string): string {
  return `“${text}”`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
