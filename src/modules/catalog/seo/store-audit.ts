import type { Db } from '../../../platform/db/database.ts';
import { auditProduct, compareFindings, statusWeights } from './audit.ts';
import type { AuditContext } from './audit-context.ts';
import {
  type AuditStore,
  auditProductPages,
  loadAuditProducts,
  loadStoreAuditSource,
} from './audit-source.ts';
import type { SeoFinding, SeoRuleCode, SeoSeverity } from './seo-audit-types.ts';
import type { StoreSeoSite } from './store-site.ts';

/**
 * A whole store's audit, kept small: the ranking needs only who, which rule, how bad and how much it
 * is worth, so that is all that is held for every finding (tens of bytes each, not the messages).
 * A page of the ranking is turned back into full findings by auditing just the products on it
 * against the same context, which gives exactly the findings the ranking pass saw.
 */
export interface RankedFinding {
  productId: string;
  code: SeoRuleCode;
  severity: SeoSeverity;
  impact: number;
}

export interface StoreAuditSnapshot {
  context: AuditContext;
  /** Highest impact first (`compareFindings`). */
  findings: RankedFinding[];
  countsByCode: Partial<Record<SeoRuleCode, number>>;
  /** Mean score of the products that count (active and draft); 100 for a store without products. */
  averageScore: number;
  productsAudited: number;
  productsWithFindings: number;
  auditedAt: Date;
  durationMs: number;
}

export async function computeStoreAudit(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
): Promise<StoreAuditSnapshot> {
  const started = performance.now();
  const { context, pages } = await loadStoreAuditSource(db, store, site);
  const findings: RankedFinding[] = [];
  const countsByCode: Partial<Record<SeoRuleCode, number>> = {};
  let productsAudited = 0;
  let productsWithFindings = 0;
  let scoreSum = 0;
  for await (const page of auditProductPages(db, store, site, pages)) {
    for (const product of page) {
      if (statusWeights[product.status] === 0) continue;
      const audit = auditProduct(product, context);
      productsAudited++;
      scoreSum += audit.score;
      if (audit.findings.length > 0) productsWithFindings++;
      for (const { productId, code, severity, impact } of audit.findings) {
        findings.push({ productId, code, severity, impact });
        countsByCode[code] = (countsByCode[code] ?? 0) + 1;
      }
    }
  }
  findings.sort(compareFindings);
  return {
    context,
    findings,
    countsByCode,
    averageScore: productsAudited === 0 ? 100 : Math.round((scoreSum / productsAudited) * 10) / 10,
    productsAudited,
    productsWithFindings,
    auditedAt: new Date(),
    durationMs: Math.round(performance.now() - started),
  };
}

export interface FindingFilter {
  rule?: SeoRuleCode;
  severity?: SeoSeverity;
  productId?: string;
}

export function filterFindings(findings: readonly RankedFinding[], filter: FindingFilter): RankedFinding[] {
  if (!filter.rule && !filter.severity && !filter.productId) return findings as RankedFinding[];
  return findings.filter(
    (f) =>
      (!filter.rule || f.code === filter.rule) &&
      (!filter.severity || f.severity === filter.severity) &&
      (!filter.productId || f.productId === filter.productId),
  );
}

export interface FindingWithProduct {
  finding: SeoFinding;
  product: { id: string; title: string; handle: string; status: string };
}

/**
 * Full findings for a slice of the ranking, in ranking order. A product changed or deleted since the
 * snapshot was taken drops out (the next snapshot, made after the change, is correct again).
 */
export async function expandFindings(
  db: Db,
  store: AuditStore,
  site: StoreSeoSite,
  snapshot: StoreAuditSnapshot,
  slice: readonly RankedFinding[],
): Promise<FindingWithProduct[]> {
  const ids = [...new Set(slice.map((f) => f.productId))];
  const products = await loadAuditProducts(db, store, site, ids);
  const byKey = new Map<string, FindingWithProduct>();
  for (const product of products) {
    const summary = { id: product.id, title: product.title, handle: product.handle, status: product.status };
    for (const finding of auditProduct(product, snapshot.context).findings) {
      byKey.set(`${finding.productId} ${finding.code}`, { finding, product: summary });
    }
  }
  const expanded: FindingWithProduct[] = [];
  for (const ranked of slice) {
    const found = byKey.get(`${ranked.productId} ${ranked.code}`);
    if (found) expanded.push(found);
  }
  return expanded;
}
