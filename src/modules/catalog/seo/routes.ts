import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ChangeFeed, ReadCache } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { accessTopic, storeOf } from '../../access/index.ts';
import { catalogTopic } from '../change-topic.ts';
import { auditProduct } from './audit.ts';
import { type AuditStore, loadAuditProduct, loadProductAuditContext } from './audit-source.ts';
import { seoRules } from './rules/seo-rules.ts';
import type { SeoFinding, SeoRuleCode } from './seo-audit-types.ts';
import { snippetPreview } from './snippet-preview.ts';
import { computeStoreAudit, expandFindings, filterFindings, type StoreAuditSnapshot } from './store-audit.ts';
import { productEditorPath, type StoreSeoSite, storeSeoSite } from './store-site.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const productParams = storeParams.extend({ productId: z.string().min(1).max(64) });
const ruleCodes = seoRules.map((rule) => rule.code) as [SeoRuleCode, ...SeoRuleCode[]];

/** The rules as the audit page lists them (its filter), with how many products each fires on. */
function ruleSummaries(counts: Partial<Record<SeoRuleCode, number>>) {
  return seoRules.map(({ code, severity, weight, field }) => ({
    code,
    severity,
    weight,
    field,
    products: counts[code] ?? 0,
  }));
}

/** The address the admin was reached at (the installation's), default port left out. */
function requestOrigin(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return `${request.protocol}://localhost`;
  }
}

function findingView(finding: SeoFinding, storeHandle: string) {
  return { ...finding, editorPath: productEditorPath(storeHandle, finding.productId) };
}

/** The SEO audit: store-wide ranking and one product's findings with its search-result preview. */
export async function seoRoutes(app: FastifyInstance, { db, changes }: { db: Db; changes: ChangeFeed }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A store audit reads the whole catalog; it is kept until the catalog (or the store's name, which
  // is part of fallback titles) changes. Concurrent requests for one store share one computation.
  const snapshots = new ReadCache<StoreAuditSnapshot>(changes, { max: 50, ttlMs: 15 * 60_000 });
  const running = new Map<string, Promise<StoreAuditSnapshot>>();

  function auditScope(request: FastifyRequest) {
    const { store } = storeOf(request);
    const site = storeSeoSite(store, requestOrigin(request));
    const topics = [catalogTopic(store.id), accessTopic];
    return { store: store as AuditStore, site, topics, key: `${store.id} ${site.baseUrl}` };
  }

  function storeAudit(store: AuditStore, site: StoreSeoSite, key: string, topics: string[]) {
    return snapshots.get(key, topics, () => {
      let pending = running.get(key);
      if (!pending) {
        pending = computeStoreAudit(db, store, site).finally(() => running.delete(key));
        running.set(key, pending);
      }
      return pending;
    });
  }

  r.get(
    '/seo/audit',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'SEO findings of the whole store, highest impact first (archived products left out)',
        params: storeParams,
        querystring: z.object({
          rule: z.enum(ruleCodes).optional(),
          severity: z.enum(['critical', 'warning', 'notice']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
        }),
      },
    },
    async (request) => {
      const { store, site, topics, key } = auditScope(request);
      const { limit, offset, ...filter } = request.query;
      const snapshot = await storeAudit(store, site, key, topics);
      const matching = filterFindings(snapshot.findings, filter);
      const page = await expandFindings(db, store, site, snapshot, matching.slice(offset, offset + limit));
      return {
        summary: {
          productsAudited: snapshot.productsAudited,
          productsWithFindings: snapshot.productsWithFindings,
          findings: snapshot.findings.length,
          averageScore: snapshot.averageScore,
          countsByCode: snapshot.countsByCode,
          auditedAt: snapshot.auditedAt,
          durationMs: snapshot.durationMs,
        },
        rules: ruleSummaries(snapshot.countsByCode),
        items: page.map(({ finding, product }) => ({ ...findingView(finding, store.handle), product })),
        total: matching.length,
        limit,
        offset,
      };
    },
  );

  r.get(
    '/products/:productId/seo',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: "A product's SEO score and findings, and its Google search-result preview",
        params: productParams,
      },
    },
    async (request) => {
      const { store, site } = auditScope(request);
      const product = await loadAuditProduct(db, store, site, request.params.productId);
      if (!product) throw notFound('Product');
      const context = await loadProductAuditContext(db, store, site, product);
      const audit = auditProduct(product, context);
      return {
        product: { id: product.id, title: product.title, handle: product.handle, status: product.status },
        score: audit.score,
        impact: audit.impact,
        findings: audit.findings.map((finding) => findingView(finding, store.handle)),
        snippet: {
          ...snippetPreview(product, store.name, site.baseUrl),
          url: `${site.baseUrl}${product.urlPath}`,
        },
        editorPath: productEditorPath(store.handle, product.id),
        // Where product pages live, so the editor can preview an unsaved handle.
        site: { name: store.name, baseUrl: site.baseUrl, basePath: site.basePath },
      };
    },
  );
}
