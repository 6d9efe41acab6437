/** Shapes of the SEO audit API's answers (src/modules/catalog/seo/routes.ts). */
import type { ProductStatus } from '../api/types.ts';

export type SeoSeverity = 'critical' | 'warning' | 'notice';
export type SeoField = 'title' | 'seoTitle' | 'seoDescription' | 'descriptionHtml' | 'images' | 'handle';

export interface SeoFinding {
  code: string;
  severity: SeoSeverity;
  productId: string;
  field: SeoField;
  message: string;
  fix: string;
  measured: Record<string, unknown>;
  penalty: number;
  impact: number;
  /** The product editor in this console. */
  editorPath: string;
}

export interface SeoRuleSummary {
  code: string;
  severity: SeoSeverity;
  weight: number;
  field: SeoField;
  /** Products the rule fires on. */
  products: number;
}

export interface StoreSeoAudit {
  summary: {
    productsAudited: number;
    productsWithFindings: number;
    findings: number;
    averageScore: number;
    auditedAt: string;
    durationMs: number;
  };
  rules: SeoRuleSummary[];
  items: (SeoFinding & { product: { id: string; title: string; handle: string; status: ProductStatus } })[];
  total: number;
  limit: number;
  offset: number;
}

export interface SnippetView {
  siteName: string;
  displayUrl: string;
  title: string;
  titleTruncated: boolean;
  titleWidthPx: number;
  description: string;
  descriptionTruncated: boolean;
  descriptionSource: 'meta_description' | 'page_text';
  url: string;
}

export interface ProductSeo {
  product: { id: string; title: string; handle: string; status: ProductStatus };
  score: number;
  impact: number;
  findings: SeoFinding[];
  snippet: SnippetView;
  editorPath: string;
  site: { name: string; baseUrl: string; basePath: string };
}
