import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditProduct } from './audit.ts';
import { buildAuditContext } from './audit-context.ts';
import { fixtureValidPaths, healthyProduct } from './seo-audit-fixture.ts';
import type { SeoAuditProduct, SeoFinding, SeoRuleCode } from './seo-audit-types.ts';
import { textWidthPx } from './serp-width.ts';

function audit(overrides: Partial<SeoAuditProduct>, storeName: string | null = null) {
  const product = healthyProduct(overrides);
  return auditProduct(product, buildAuditContext([product], { validPaths: fixtureValidPaths, storeName }));
}

function codes(overrides: Partial<SeoAuditProduct>): SeoRuleCode[] {
  return audit(overrides).findings.map((f) => f.code);
}

function finding(overrides: Partial<SeoAuditProduct>, code: SeoRuleCode): SeoFinding {
  const found = audit(overrides).findings.find((f) => f.code === code);
  assert.ok(found, `${code} fires`);
  return found;
}

function words(count: number): string {
  return Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
}

test('the fixture product is clean, so each test below isolates one rule', () => {
  assert.deepEqual(audit({}).findings, []);
  assert.equal(audit({}).score, 100);
});

test('meta title missing: says the product title stands in, with the store name when known', () => {
  assert.deepEqual(codes({ seoTitle: null }), ['meta_title_missing']);
  assert.deepEqual(codes({ seoTitle: '   ' }), ['meta_title_missing']);
  const withoutStore = finding({ seoTitle: null }, 'meta_title_missing');
  assert.match(withoutStore.message, /product title instead: “Merino Sweater, Crew Neck, Extra-Fine Wool”/);
  assert.equal(withoutStore.field, 'seoTitle');
  const withStore = audit({ seoTitle: null }, 'Demo Store').findings.find(
    (f) => f.code === 'meta_title_missing',
  );
  assert.match(withStore!.message, /“Merino Sweater, Crew Neck, Extra-Fine Wool \| Demo Store”/);
});

test('meta title too long: 60 characters pass, 61 fire', () => {
  const sixty = 'Merino sweater with a crew neck, soft and light for all days';
  assert.equal(sixty.length, 60);
  assert.ok(textWidthPx(sixty, 20) <= 580, 'narrow enough that only the character count decides');
  assert.deepEqual(codes({ seoTitle: sixty }), []);
  const long = finding({ seoTitle: `${sixty}.` }, 'meta_title_too_long');
  assert.equal(long.measured.characters, 61);
  assert.equal(long.measured.overBy, 'characters');
  assert.match(long.message, /is 61 characters, about \d+ px wide/);
});

test('meta title too long: a short title of wide letters fires on its pixel width', () => {
  const wide = 'WOMEN’S MERINO WOOL MAXI COAT – MOCHA / WHITE / XXL'; // 51 characters, mostly wide capitals
  assert.ok(wide.length < 60);
  const found = finding({ seoTitle: wide, focusKeyword: null }, 'meta_title_too_long');
  assert.equal(found.measured.overBy, 'width');
  assert.ok((found.measured.pixels as number) > 580);
});

test('meta title too short: 29 characters fire, 30 pass; a short fallback title is reported as such', () => {
  const thirty = 'Merino sweater for cold spells';
  assert.equal(thirty.length, 30);
  assert.deepEqual(codes({ seoTitle: thirty }), []);
  const short = finding({ seoTitle: thirty.slice(0, 29) }, 'meta_title_too_short');
  assert.equal(short.measured.characters, 29);
  const fallback = finding({ seoTitle: null, title: 'Merino sweater' }, 'meta_title_too_short');
  assert.match(
    fallback.message,
    /^The product title, which stands in for the missing meta title, is only 14 characters/,
  );
});

test('meta description missing, too long (160 passes, 161 fires), too short (70 passes, 69 fires)', () => {
  assert.deepEqual(codes({ seoDescription: null }), ['meta_description_missing']);
  assert.deepEqual(codes({ seoDescription: ' \n ' }), ['meta_description_missing']);
  const base = 'A soft merino sweater with a classic crew neck, warm and breathable. ';
  // A sentence-like text of exactly n characters (no trailing space, which would be collapsed away).
  const of = (n: number) =>
    `${base
      .repeat(5)
      .slice(0, n - 1)
      .replace(/\s$/, 'x')}.`;
  assert.equal(of(160).length, 160);
  assert.deepEqual(codes({ seoDescription: of(160) }), []);
  const long = finding({ seoDescription: of(161) }, 'meta_description_too_long');
  assert.equal(long.measured.characters, 161);
  assert.deepEqual(codes({ seoDescription: of(70) }), []);
  const short = finding({ seoDescription: of(69) }, 'meta_description_too_short');
  assert.equal(short.measured.characters, 69);
  assert.match(short.message, /only 69 characters/);
});

test('thin description: 49 visible words fire, 50 pass; markup and entities are not words', () => {
  const html = (n: number) =>
    `<p>merino sweater ${words(n - 2)}</p><p>&nbsp;&amp;&nbsp;</p><script>${words(100)}</script>`;
  assert.deepEqual(codes({ descriptionHtml: html(50) }), []);
  const thin = finding({ descriptionHtml: html(49) }, 'thin_description');
  assert.equal(thin.measured.words, 49);
  assert.equal(thin.field, 'descriptionHtml');
});

test('no images fires instead of (not besides) missing alt text', () => {
  assert.deepEqual(codes({ images: [] }), ['no_images']);
});

test('images without alt text are counted; a blank alt is missing; the penalty scales with the share', () => {
  const images = [
    { url: 'a.jpg', alt: 'Front' },
    { url: 'b.jpg', alt: null },
    { url: 'c.jpg', alt: '  ' },
    { url: 'd.jpg', alt: 'Back' },
  ];
  const found = finding({ images }, 'images_missing_alt');
  assert.equal(found.measured.missing, 2);
  assert.deepEqual(found.measured.imageIndexes, [1, 2]);
  assert.match(found.message, /^2 of 4 images have no alt text/);
  const one = finding({ images: images.slice(0, 2) }, 'images_missing_alt');
  assert.match(one.message, /^1 of 2 images has no alt text/);
  assert.equal(found.penalty, 3);
});

test('focus keyword: each place it is missing from is its own finding; accents and case are ignored', () => {
  assert.deepEqual(codes({ seoTitle: 'Crew Neck Jumper in Extra-Fine Wool for Men' }), [
    'keyword_not_in_meta_title',
  ]);
  assert.deepEqual(
    codes({ seoDescription: 'A soft knit with a classic crew neck: warm, breathable and machine washable.' }),
    ['keyword_not_in_meta_description'],
  );
  assert.deepEqual(codes({ handle: 'crew-neck-jumper' }), ['keyword_not_in_handle']);
  const firstParagraphOnly = `<p>${words(30)}</p><p>merino sweater ${words(30)}</p>`;
  assert.deepEqual(codes({ descriptionHtml: firstParagraphOnly }), ['keyword_not_in_description']);
  assert.deepEqual(
    codes({ focusKeyword: 'MÉRINO  Sweaters' }),
    [],
    'accents, case, spacing and plural do not matter',
  );
  assert.deepEqual(
    codes({ focusKeyword: null, seoTitle: 'Crew Neck Jumper in Extra-Fine Wool for Men' }),
    [],
  );
  const message = finding({ handle: 'crew-neck-jumper' }, 'keyword_not_in_handle').message;
  assert.equal(
    message,
    'The focus keyword “merino sweater” does not appear in the URL handle “crew-neck-jumper”.',
  );
});

test('keyword in the meta description is not checked while there is no meta description', () => {
  assert.deepEqual(codes({ seoDescription: null }), ['meta_description_missing']);
});

test('broken internal links: unknown relative or same-host paths fire; external, mailto, tel and anchors do not', () => {
  const links = (hrefs: string[]) =>
    `<p>merino sweater ${words(60)} ${hrefs.map((h) => `<a href="${h}">x</a>`).join(' ')}</p>`;
  const fine = [
    '/collections/knitwear/',
    'https://www.shop.example/pages/care',
    'https://wool.example/nowhere',
    'mailto:help@shop.example',
    'tel:+441234567',
    '#sizes',
    '?colour=blue',
  ];
  assert.deepEqual(codes({ descriptionHtml: links(fine) }), []);
  const broken = finding(
    {
      descriptionHtml: links([
        ...fine,
        '/products/old-sweater',
        'https://shop.example/collections/winter-2019',
        '/products/old-sweater',
      ]),
    },
    'broken_internal_links',
  );
  assert.deepEqual(broken.measured.links, [
    '/products/old-sweater',
    'https://shop.example/collections/winter-2019',
  ]);
  assert.match(broken.message, /^2 links in the description point to pages this store does not have/);
});
