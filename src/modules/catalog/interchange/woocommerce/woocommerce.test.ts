import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ProductRecord } from '../product-record.ts';
import {
  errorsOf,
  issueWithCode,
  parseBytes,
  parseFixture,
  readText,
  recordsOf,
} from '../testing/parse-results.ts';
import { productFile } from '../testing/record-arbitraries.ts';
import type { WooWeightUnit } from './woocommerce-columns.ts';
import { writeWooCommerceCsv } from './woocommerce-writer.ts';

const usd = { format: 'woocommerce', currency: 'USD' } as const;
const byHandle = (records: ProductRecord[]) => [...records].sort((a, b) => (a.handle < b.handle ? -1 : 1));

async function roundTrip(records: ProductRecord[], currency = 'USD', weightUnit: WooWeightUnit = 'kg') {
  const text = await readText(writeWooCommerceCsv(records, { currency, weightUnit }));
  return parseBytes(text, { format: 'woocommerce', currency });
}

describe('WooCommerce product CSV: the official sample products', () => {
  it('reads 18 products: 14 simple (two downloadable), a grouped, an external and 2 variable', async () => {
    const results = await parseFixture('sample_products.csv', usd);
    assert.deepEqual(results.fileIssues, []);
    assert.deepEqual(errorsOf(results), []);
    assert.equal(results.products.length, 18);
    // Variable products come last: their variations may be anywhere in the file.
    assert.deepEqual(
      results.products.slice(-2).map((p) => [p.record.handle, p.rows.first, p.rows.last]),
      [
        ['v-neck-t-shirt', 2, 18],
        ['hoodie', 3, 26],
      ],
    );
  });

  it("reads the V-neck tee's colour variations; Size, left as 'any' by every variation, is not an option", async () => {
    const results = await parseFixture('sample_products.csv', usd);
    const vneck = results.products.find((p) => p.record.handle === 'v-neck-t-shirt')!;
    const record = vneck.record;
    assert.equal(record.title, 'V-Neck T-Shirt');
    assert.equal(record.category, 'Clothing > Tshirts');
    assert.equal(record.seoDescription, 'This is a variable product.');
    assert.match(record.descriptionHtml, /^Pellentesque habitant morbi/);
    assert.deepEqual(record.options, [{ name: 'Color', values: ['Blue', 'Green', 'Red'] }]);
    assert.deepEqual(
      record.variants.map((v) => [
        v.sku,
        v.optionValues,
        v.priceAmount,
        v.weightGrams,
        v.imageSrc?.split('/').pop(),
      ]),
      [
        ['woo-vneck-tee-red', ['Red'], 2000, 227, 'vneck-tee-2.jpg'],
        ['woo-vneck-tee-green', ['Green'], 2000, 227, 'vnech-tee-green-1.jpg'],
        ['woo-vneck-tee-blue', ['Blue'], 1500, 227, 'vnech-tee-blue-1.jpg'],
      ],
    );
    assert.deepEqual(
      record.images.map((i) => [i.position, i.src.split('/').pop()]),
      [
        [1, 'vneck-tee-2.jpg'],
        [2, 'vnech-tee-green-1.jpg'],
        [3, 'vnech-tee-blue-1.jpg'],
      ],
    );
    const dropped = vneck.issues.find((i) => i.code === 'option_any_value')!;
    assert.deepEqual([dropped.row, dropped.column, dropped.severity], [2, 'Attribute 2 value(s)', 'warning']);
    assert.match(dropped.message, /Size/);
  });

  it("reads the hoodie's two options and the sale price of its red variation", async () => {
    const results = await parseFixture('sample_products.csv', usd);
    const hoodie = recordsOf(results).find((r) => r.handle === 'hoodie')!;
    assert.deepEqual(hoodie.options, [
      { name: 'Color', values: ['Blue', 'Green', 'Red'] },
      { name: 'Logo', values: ['Yes', 'No'] },
    ]);
    assert.deepEqual(
      hoodie.variants.map((v) => [v.optionValues.join('/'), v.priceAmount, v.compareAtAmount]),
      [
        ['Red/No', 4200, 4500],
        ['Green/No', 4500, null],
        ['Blue/No', 4500, null],
        ['Blue/Yes', 4500, null],
      ],
    );
    // The parent's weight (1.5 lbs) applies to variations that give none.
    assert.equal(hoodie.variants[0]!.weightGrams, 680);
  });

  it('maps simple products: sale price, weight in lbs, one-value attributes, virtual downloads', async () => {
    const records = recordsOf(await parseFixture('sample_products.csv', usd));
    const beanie = records.find((r) => r.handle === 'beanie')!;
    assert.deepEqual(beanie.options, [{ name: 'Color', values: ['Red'] }]);
    assert.deepEqual(
      [
        beanie.variants[0]!.sku,
        beanie.variants[0]!.priceAmount,
        beanie.variants[0]!.compareAtAmount,
        beanie.variants[0]!.weightGrams,
      ],
      ['woo-beanie', 1800, 2000, 91],
    );
    assert.equal(beanie.status, 'active');
    assert.equal(beanie.variants[0]!.requiresShipping, true);
    const album = records.find((r) => r.handle === 'album')!;
    assert.equal(album.variants[0]!.requiresShipping, false);
    assert.equal(album.category, 'Music');
  });

  it('imports grouped and external products as simple ones, saying what is not carried over', async () => {
    const results = await parseFixture('sample_products.csv', usd);
    const grouped = results.products.find((p) => p.record.handle === 'logo-collection')!;
    assert.equal(grouped.record.status, 'draft');
    assert.equal(grouped.record.variants[0]!.priceAmount, 0);
    assert.equal(grouped.record.images.length, 4);
    const groupedWarning = grouped.issues.find((i) => i.code === 'grouped_product_simplified')!;
    assert.equal(groupedWarning.severity, 'warning');
    assert.match(groupedWarning.message, /woo-hoodie-with-logo, woo-tshirt, woo-beanie/);
    const external = results.products.find((p) => p.record.handle === 'wordpress-pennant')!;
    assert.equal(external.record.variants[0]!.priceAmount, 1105);
    assert.match(
      external.issues.find((i) => i.code === 'external_product_simplified')!.message,
      /mercantile\.wordpress\.org/,
    );
  });
});

describe('WooCommerce product CSV: mistakes in a file', () => {
  it('reports variations whose parent is missing or not variable, and keeps the rest', async () => {
    const results = await parseFixture('broken/woocommerce-unknown-parent.csv', usd);
    assert.deepEqual(
      results.fileIssues.map((i) => [i.row, i.column, i.code]),
      [
        [4, 'Parent', 'unknown_parent'],
        [6, 'Parent', 'parent_not_variable'],
      ],
    );
    assert.deepEqual(
      recordsOf(results).map((r) => [r.handle, r.variants.length]),
      [
        ['mug', 1],
        ['tee', 1],
      ],
    );
  });

  it('reports an option a variation leaves as "any" when others set it, and duplicate SKUs', async () => {
    const csv = [
      'Type,SKU,Name,Regular price,Parent,Attribute 1 name,Attribute 1 value(s)',
      'variable,tee,Tee,,,Size,"S, M"',
      'variation,tee-s,Tee - S,20,tee,Size,S',
      'variation,tee-any,Tee - any,20,tee,Size,',
      'simple,tee-s,Other tee,9,,,',
    ].join('\n');
    const results = await parseBytes(csv, usd);
    assert.equal(issueWithCode(results, 'duplicate_sku')?.row, 5);
    const any = issueWithCode(results, 'any_option_value');
    assert.deepEqual([any?.row, any?.column], [4, 'Attribute 1 value(s)']);
  });

  it('finds a variation that comes before its parent', async () => {
    const csv = [
      'ID,Type,SKU,Name,Regular price,Parent',
      '2,variation,x-1,X - 1,5,id:1',
      '1,variable,,X,,',
    ].join('\n');
    const results = await parseBytes(csv, usd);
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(
      recordsOf(results)[0]!.variants.map((v) => v.sku),
      ['x-1'],
    );
  });
});

describe('WooCommerce product CSV: writing', () => {
  it('reads back the official sample exactly as first read', async () => {
    const records = recordsOf(await parseFixture('sample_products.csv', usd));
    const again = await roundTrip(records);
    assert.deepEqual(errorsOf(again), []);
    assert.deepEqual(byHandle(recordsOf(again)), byHandle(records));
  });

  it('parse(write(records)) gives the records back, for any records WooCommerce can express', async () => {
    await fc.assert(
      fc.asyncProperty(
        productFile('woocommerce'),
        fc.constantFrom('USD', 'JPY'),
        fc.constantFrom<WooWeightUnit>('kg', 'g', 'lbs', 'oz'),
        async (records, currency, unit) => {
          const parsed = await roundTrip(records, currency, unit);
          assert.deepEqual(errorsOf(parsed), []);
          assert.deepEqual(byHandle(recordsOf(parsed)), byHandle(records));
        },
      ),
      { numRuns: 150 },
    );
  });
});
