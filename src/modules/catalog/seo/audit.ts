import { type AuditContext, type AuditContextOptions, buildAuditContext } from './audit-context.ts';
import { prepareProduct } from './rules/seo-rule.ts';
import { seoRules } from './rules/seo-rules.ts';
import type {
  ProductSeoAudit,
  SeoAuditProduct,
  SeoFinding,
  SeoProductStatus,
  SeoRuleCode,
  SeoSeverity,
  StoreSeoAudit,
} from './seo-audit-types.ts';

/**
 * How much a product's findings count in the store-wide ranking: a live page loses traffic today,
 * a draft only once it is published, an archived product not at all.
 */
export const statusWeights: Readonly<Record<SeoProductStatus, number>> = {
  active: 1,
  draft: 0.5,
  archived: 0,
};

const severityRank: Record<SeoSeverity, number> = { critical: 0, warning: 1, notice: 2 };
const ruleOrder = new Map<SeoRuleCode, number>(seoRules.map((rule, index) => [rule.code, index]));

function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** What ranking a finding looks at. */
export type RankableFinding = Pick<SeoFinding, 'impact' | 'severity' | 'code' | 'productId'>;

/** Highest impact first; ties by severity, then rule order, then product id, so the order is stable. */
export function compareFindings(a: RankableFinding, b: RankableFinding): number {
  return (
    b.impact - a.impact ||
    severityRank[a.severity] - severityRank[b.severity] ||
    ruleOrder.get(a.code)! - ruleOrder.get(b.code)! ||
    (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0)
  );
}

/** Runs every rule over one product; `context` carries the rest of the store (see buildAuditContext). */
export function auditProduct(product: SeoAuditProduct, context: AuditContext): ProductSeoAudit {
  const prepared = prepareProduct(product, context);
  const statusWeight = statusWeights[product.status];
  const findings: SeoFinding[] = [];
  let penaltyTotal = 0;
  let impactTotal = 0;
  for (const rule of seoRules) {
    const hit = rule.check(prepared, context);
    if (!hit) continue;
    const extent = Math.min(1, Math.max(0, hit.extent ?? 1));
    const penalty = roundTo(rule.weight * extent, 2);
    const impact = roundTo(penalty * statusWeight, 2);
    penaltyTotal += penalty;
    impactTotal += impact;
    findings.push({
      code: rule.code,
      severity: rule.severity,
      productId: product.id,
      field: rule.field,
      message: hit.message,
      fix: hit.fix,
      measured: hit.measured,
      penalty,
      impact,
    });
  }
  findings.sort((a, b) => b.penalty - a.penalty || compareFindings(a, b));
  return {
    productId: product.id,
    status: product.status,
    score: Math.max(0, Math.round(100 - penaltyTotal)),
    impact: roundTo(impactTotal, 2),
    findings,
  };
}

/**
 * Audits a whole catalog: one pass to build the context (duplicate maps, valid paths), one pass of
 * rules per product, one sort. Archived products are audited but left out of the ranking and counts.
 */
export function auditStore(
  products: readonly SeoAuditProduct[],
  options: AuditContextOptions = {},
): StoreSeoAudit {
  const context = buildAuditContext(products, options);
  const audits: ProductSeoAudit[] = [];
  const findings: SeoFinding[] = [];
  const countsByCode: Partial<Record<SeoRuleCode, number>> = {};
  let scoreSum = 0;
  let counted = 0;
  for (const product of products) {
    const audit = auditProduct(product, context);
    audits.push(audit);
    if (statusWeights[product.status] === 0) continue;
    counted++;
    scoreSum += audit.score;
    for (const finding of audit.findings) {
      findings.push(finding);
      countsByCode[finding.code] = (countsByCode[finding.code] ?? 0) + 1;
    }
  }
  findings.sort(compareFindings);
  audits.sort(
    (a, b) =>
      b.impact - a.impact ||
      a.score - b.score ||
      (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
  );
  return {
    products: audits,
    findings,
    countsByCode,
    averageScore: counted === 0 ? 100 : roundTo(scoreSum / counted, 1),
  };
}
