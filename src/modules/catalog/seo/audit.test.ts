import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditProduct, auditStore } from './audit.ts';
import { buildAuditContext } from './audit-context.ts';
import { fixtureValidPaths, healthyProduct } from './seo-audit-fixture.ts';
import type { SeoAuditProduct } from './seo-audit-types.ts';

function product(id: string, overrides: Partial<SeoAuditProduct> = {}): SeoAuditProduct {
  return healthyProduct({
    id,
    handle: `merino-sweater-${id}`,
    urlPath: `/products/merino-sweater-${id}`,
    title: `Merino Sweater, Crew Neck, Extra-Fine Wool (${id})`,
    seoTitle: `Merino Sweater for Men in Fine Wool ${id}`,
    ...overrides,
  });
}

test('duplicate titles are found across the store regardless of case and spacing', () => {
  const result = auditStore(
    [
      product('a', { title: 'Merino  Sweater Blue' }),
      product('b', { title: ' merino sweater blue ' }),
      product('c', { title: 'MERINO SWEATER\tBLUE' }),
      product('d', { title: 'Merino Sweater Red' }),
    ],
    { validPaths: fixtureValidPaths },
  );
  const duplicates = result.findings.filter((f) => f.code === 'duplicate_title');
  assert.deepEqual(duplicates.map((f) => f.productId).sort(), ['a', 'b', 'c']);
  const forA = duplicates.find((f) => f.productId === 'a')!;
  assert.equal(forA.measured.otherProducts, 2);
  assert.deepEqual(forA.measured.otherProductIds, ['b', 'c']);
  assert.match(forA.message, /also used by 2 other products/);
  assert.equal(result.countsByCode.duplicate_title, 3);
});

test('duplicate meta titles compare what search shows; a product title duplicate is not reported twice', () => {
  const result = auditStore(
    [
      product('a', { seoTitle: 'Warm Merino Sweater for Cold Winter Days' }),
      product('b', { seoTitle: 'warm merino sweater for cold winter days' }),
      // No meta title: shows its product title, which equals a's meta title.
      product('c', { seoTitle: null, title: 'Warm Merino Sweater for Cold Winter Days' }),
      // Same product title as e and no meta title: one duplicate_title each, no duplicate_meta_title.
      product('d', { seoTitle: null, title: 'Merino Sweater, Crew Neck, Extra-Fine Wool, Navy' }),
      product('e', { seoTitle: null, title: 'Merino Sweater, Crew Neck, Extra-Fine Wool, Navy' }),
    ],
    { validPaths: fixtureValidPaths },
  );
  const codesOf = (id: string) =>
    result.products
      .find((p) => p.productId === id)!
      .findings.map((f) => f.code)
      .sort();
  assert.deepEqual(codesOf('a'), ['duplicate_meta_title']);
  assert.deepEqual(codesOf('b'), ['duplicate_meta_title']);
  assert.deepEqual(codesOf('c'), ['duplicate_meta_title', 'meta_title_missing']);
  assert.deepEqual(codesOf('d'), ['duplicate_title', 'meta_title_missing']);
  assert.deepEqual(codesOf('e'), ['duplicate_title', 'meta_title_missing']);
});

test('archived products neither collide with others nor count in the ranking', () => {
  const result = auditStore(
    [
      product('live', { title: 'Merino Sweater Blue' }),
      product('old', { title: 'Merino Sweater Blue', status: 'archived', images: [] }),
    ],
    { validPaths: fixtureValidPaths },
  );
  assert.deepEqual(result.findings, []);
  assert.equal(result.averageScore, 100);
  const archived = result.products.find((p) => p.productId === 'old')!;
  assert.deepEqual(
    archived.findings.map((f) => f.code),
    ['no_images'],
    'archived products are still audited',
  );
  assert.equal(archived.impact, 0);
});

test('a product being edited is checked against the store context built once', () => {
  const store = [product('a', { title: 'Merino Sweater Blue' }), product('b')];
  const context = buildAuditContext(store, { validPaths: fixtureValidPaths });
  const draft = product('new', { title: 'merino sweater blue', status: 'draft' });
  const audit = auditProduct(draft, context);
  const duplicate = audit.findings.find((f) => f.code === 'duplicate_title');
  assert.ok(duplicate);
  assert.deepEqual(duplicate.measured.otherProductIds, ['a']);
  // The stored copy of a product does not count as its own duplicate.
  assert.deepEqual(auditProduct(store[0]!, context).findings, []);
});

test('links to other live products count as valid; links to drafts do not', () => {
  const linking = (href: string) =>
    product('x', {
      descriptionHtml: `<p>This merino sweater ${'pairs well with many things '.repeat(12)} <a href="${href}">see</a></p>`,
    });
  const live = product('live');
  const draft = product('draft', { status: 'draft' });
  const result = auditStore([linking('/products/merino-sweater-live'), live, draft], {
    validPaths: fixtureValidPaths,
  });
  assert.deepEqual(result.findings, []);
  const toDraft = auditStore([linking('/products/merino-sweater-draft'), live, draft], {
    validPaths: fixtureValidPaths,
  });
  assert.deepEqual(
    toDraft.findings.map((f) => f.code),
    ['broken_internal_links'],
  );
});

test('ranking: highest impact first, and an active product outranks a draft with the same problem', () => {
  const result = auditStore(
    [
      product('draft-no-images', { status: 'draft', images: [] }),
      product('active-no-meta', { seoDescription: null }),
      product('active-no-images', { images: [] }),
      product('active-alt', {
        images: [
          { url: 'a.jpg', alt: null },
          { url: 'b.jpg', alt: 'Back' },
        ],
      }),
    ],
    { validPaths: fixtureValidPaths },
  );
  assert.deepEqual(
    result.findings.map((f) => [f.productId, f.code, f.impact]),
    [
      ['active-no-images', 'no_images', 15],
      ['active-no-meta', 'meta_description_missing', 10],
      ['draft-no-images', 'no_images', 7.5],
      ['active-alt', 'images_missing_alt', 3],
    ],
  );
  assert.deepEqual(
    result.products.map((p) => [p.productId, p.score]),
    [
      ['active-no-images', 85],
      ['active-no-meta', 90],
      ['draft-no-images', 85],
      ['active-alt', 97],
    ],
  );
  assert.equal(result.averageScore, 89.3);
});

test('the score falls with every finding and never below zero', () => {
  const worst = product('worst', {
    title: 'X',
    seoTitle: null,
    seoDescription: null,
    descriptionHtml: '<p><a href="/nowhere">x</a></p>',
    images: [],
    handle: 'x',
  });
  const result = auditStore([worst, product('twin', { title: 'x', seoTitle: 'x' })], {
    validPaths: fixtureValidPaths,
  });
  const audit = result.products.find((p) => p.productId === 'worst')!;
  const penalties = audit.findings.reduce((sum, f) => sum + f.penalty, 0);
  assert.equal(audit.score, Math.max(0, Math.round(100 - penalties)));
  assert.ok(audit.score < 40, String(audit.score));
  assert.ok(audit.score >= 0);
});

test('20,000 products audit in one pass (time printed, not asserted)', () => {
  const products: SeoAuditProduct[] = [];
  for (let i = 0; i < 20_000; i++) {
    products.push(
      product(`p${i}`, {
        title: i % 50 === 0 ? 'Gift Card' : `Merino Sweater Model ${i}`,
        seoTitle: i % 3 === 0 ? null : `Merino Sweater Model ${i} – Crew Neck, Extra-Fine Wool`,
        seoDescription: i % 4 === 0 ? null : undefined,
        status: i % 10 === 0 ? 'draft' : 'active',
        descriptionHtml:
          i % 7 === 0
            ? '<p>Short.</p>'
            : `${healthyProduct().descriptionHtml}<p><a href="/products/merino-sweater-p${(i * 7919) % 25_000}">Also</a></p>`,
      }),
    );
  }
  for (const p of products)
    if (p.seoDescription === undefined) p.seoDescription = healthyProduct().seoDescription;
  const started = performance.now();
  const result = auditStore(products, { validPaths: fixtureValidPaths, storeName: 'Demo Store' });
  const elapsed = performance.now() - started;
  console.log(
    `SEO audit of ${products.length} products: ${elapsed.toFixed(0)} ms, ${result.findings.length} findings`,
  );
  assert.equal(result.products.length, 20_000);
  assert.equal(result.countsByCode.duplicate_title, 400);
  assert.ok((result.countsByCode.broken_internal_links ?? 0) > 0);
});
