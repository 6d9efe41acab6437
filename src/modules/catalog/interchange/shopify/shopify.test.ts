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
import { shopifyHeader } from './shopify-columns.ts';
import { writeShopifyCsv } from './shopify-writer.ts';

const usd = { format: 'shopify', currency: 'USD' } as const;

async function roundTrip(records: ProductRecord[], currency = 'USD') {
  const text = await readText(writeShopifyCsv(records, currency));
  return parseBytes(text, { format: 'shopify', currency });
}

describe('Shopify product CSV: current template', () => {
  it('reads the three products with their variants, options, prices and images', async () => {
    const results = await parseFixture('shopify_product_template_current.csv', usd);
    assert.deepEqual(results.fileIssues, []);
    assert.deepEqual(errorsOf(results), []);
    assert.deepEqual(
      results.products.map((p) => [p.record.handle, p.rows.first, p.rows.last]),
      [
        ['example-shirt', 2, 13],
        ['example-pants', 14, 17],
        ['example-hat', 18, 18],
      ],
    );

    const [shirt, pants, hat] = recordsOf(results) as [ProductRecord, ProductRecord, ProductRecord];
    assert.equal(shirt.title, 'Example T-Shirt');
    assert.equal(shirt.vendor, 'Acme');
    assert.equal(shirt.productType, 'Shirts');
    assert.equal(shirt.category, 'Apparel & Accessories > Clothing > Clothing Tops > T-Shirts');
    assert.deepEqual(shirt.tags, ['Made to Order', 'Shirt Tag']);
    assert.equal(shirt.status, 'active');
    assert.equal(shirt.seoTitle, 'Example T-Shirt | Test Store');
    assert.deepEqual(shirt.options, [
      { name: 'Color', values: ['Green', 'Blue', 'Gray', 'Purple'] },
      { name: 'Size', values: ['S', 'M', 'L'] },
    ]);
    assert.equal(shirt.variants.length, 12);
    assert.deepEqual(shirt.variants[0], {
      sku: 'SRT_COT_111',
      barcode: '3.65275E+11',
      optionValues: ['Green', 'S'],
      priceAmount: 2500,
      compareAtAmount: null,
      costAmount: null,
      weightGrams: 145,
      requiresShipping: true,
      taxable: true,
      taxClass: null,
      inventoryQuantity: null,
      inventoryPolicy: 'deny',
      imageSrc: 'https://burst.shopifycdn.com/photos/green-t-shirt.jpg?width=1500',
    });
    assert.deepEqual(shirt.variants[11]!.optionValues, ['Purple', 'L']);
    assert.equal(shirt.variants[11]!.sku, 'SRT_COT_433');
    assert.deepEqual(
      shirt.images.map((i) => [i.position, i.alt]),
      [
        [1, 'A rack of T-Shirts'],
        [2, 'T-Shirt color swatches'],
        [3, 'Green T-Shirt'],
        [4, 'Blue T-Shirt'],
        [5, 'Gray T-Shirt'],
        [6, 'Purple T-Shirt'],
      ],
    );
    // A spreadsheet turned the template's barcodes into scientific notation; the import says so.
    assert.equal(issueWithCode(results, 'barcode_scientific_notation')?.row, 2);

    assert.equal(pants.status, 'draft');
    assert.deepEqual(pants.options, [{ name: 'Size', values: ['28', '30', '40'] }]);
    assert.deepEqual(
      pants.variants.map((v) => [
        v.priceAmount,
        v.compareAtAmount,
        v.costAmount,
        v.weightGrams,
        v.inventoryQuantity,
      ]),
      [
        [9500, 6495, 5000, 227, 20],
        [9500, 6495, 5000, 283, 15],
        [9500, 6495, 5000, 397, 10],
      ],
    );
    // Row 17 carries only an image: it adds the fourth picture, not a variant.
    assert.equal(pants.images.length, 4);
    assert.equal(pants.images[3]!.alt, 'Large tapered stone wash jeans');

    assert.equal(hat.status, 'archived');
    assert.deepEqual(hat.options, []);
    assert.deepEqual(hat.variants[0]!.optionValues, []);
    assert.equal(hat.variants[0]!.priceAmount, 1799);
    assert.equal(hat.variants[0]!.compareAtAmount, 2299);
  });

  it('reads amounts in the store currency', async () => {
    const results = await parseFixture('shopify_product_template_current.csv', {
      format: 'shopify',
      currency: 'KWD',
    });
    assert.equal(recordsOf(results)[2]!.variants[0]!.priceAmount, 17990);
  });
});

describe('Shopify product CSV: legacy template and a real export', () => {
  it('reads the legacy layout (no Status column; an option really named Title)', async () => {
    const results = await parseFixture('shopify_product_template_legacy.csv', usd);
    assert.deepEqual(errorsOf(results), []);
    const [shirt] = recordsOf(results);
    assert.equal(shirt!.status, 'active');
    assert.deepEqual(shirt!.options, [
      { name: 'Title', values: ['Lithograph - Height: 9" x Width: 12"', 'Small', 'Medium'] },
    ]);
    assert.deepEqual(
      shirt!.variants.map((v) => [
        v.sku,
        v.priceAmount,
        v.compareAtAmount,
        v.weightGrams,
        v.inventoryQuantity,
      ]),
      [
        [null, 2500, null, 3629, null],
        ['example-shirt-s', 1999, 2499, 200, null],
        ['example-shirt-m', 1999, 2499, 200, 0],
      ],
    );
  });

  it('reads the demo store export, multi-line descriptions included', async () => {
    const results = await parseFixture('packt_demo_store_products_export.csv', usd);
    assert.deepEqual(errorsOf(results), []);
    assert.equal(results.products.length, 20);
    const armchairs = results.products[1]!;
    assert.equal(armchairs.record.handle, 'black-armchairs');
    assert.deepEqual(armchairs.rows, { first: 3, last: 3 });
    assert.match(armchairs.record.descriptionHtml, /^<h6><span>Description<\/span><\/h6>\n<p>/);
    // The description spans lines 3–8, so the next product starts on line 9.
    assert.deepEqual(results.products[2]!.rows, { first: 9, last: 9 });
    const gloves = results.products.at(-1)!;
    assert.deepEqual(gloves.record.options, [{ name: 'Color', values: ['Green', 'Yellow'] }]);
    assert.deepEqual(
      gloves.record.variants.map((v) => v.priceAmount),
      [999, 1599],
    );
    assert.deepEqual(
      gloves.record.images.map((i) => i.position),
      [1, 2],
    );
  });
});

describe('Shopify product CSV: mistakes in a file', () => {
  it('reports a misspelt column in the header and reads no rows', async () => {
    const results = await parseFixture('broken/shopify-wrong-column.csv', usd);
    assert.equal(results.products.length, 0);
    const missing = results.fileIssues.find((i) => i.code === 'missing_column');
    assert.deepEqual([missing?.row, missing?.column, missing?.severity], [1, 'Variant Price', 'error']);
    const unknown = results.fileIssues.find((i) => i.code === 'unknown_column');
    assert.deepEqual([unknown?.row, unknown?.column], [1, 'Varient Price']);
  });

  it('pins a bad price to its row (after a three-line description) and column', async () => {
    const results = await parseFixture('broken/shopify-bad-price.csv', usd);
    const [tee, mug] = results.products;
    assert.deepEqual(
      tee!.issues.map((i) => [i.row, i.column, i.code]),
      [[6, 'Variant Price', 'invalid_price']],
    );
    assert.match(tee!.issues[0]!.message, /19,99/);
    assert.deepEqual(mug!.issues, []);
    assert.equal(mug!.record.variants[0]!.priceAmount, 1250);
  });

  it('reports a SKU used twice in the file on the later row', async () => {
    const results = await parseFixture('broken/shopify-duplicate-sku.csv', usd);
    const issue = issueWithCode(results, 'duplicate_sku');
    assert.deepEqual([issue?.row, issue?.column, issue?.severity], [4, 'Variant SKU', 'error']);
    assert.deepEqual(results.products[0]!.issues, []);
  });

  it('reports the first row of a handle without a title', async () => {
    const results = await parseFixture('broken/shopify-missing-title.csv', usd);
    const issue = issueWithCode(results, 'missing_title');
    assert.deepEqual([issue?.row, issue?.column], [3, 'Title']);
    assert.equal(results.products[1]!.record.handle, 'mug');
  });

  it('reports a handle whose rows are not together', async () => {
    const results = await parseFixture('broken/shopify-non-consecutive.csv', usd);
    assert.equal(results.products.length, 3);
    const issue = issueWithCode(results, 'handle_not_consecutive');
    assert.deepEqual([issue?.row, issue?.column], [4, 'Handle']);
    assert.match(issue!.message, /row 2/);
  });

  it('reports a quote that is never closed as a file issue at its row', async () => {
    const results = await parseFixture('broken/shopify-unclosed-quote.csv', usd);
    assert.deepEqual(
      results.fileIssues.map((i) => [i.row, i.code]),
      [[2, 'malformed_csv']],
    );
  });

  it('checks variants: duplicate options, missing values, Default Title with a second row, over 100 variants', async () => {
    const header =
      'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price\n';
    const body = [
      'a,A,Size,S,Color,Red,,1',
      'a,,,S,,Red,,1', // same options again
      'a,,,M,,,,1', // no colour
      'b,B,Title,Default Title,,,,2',
      'b,,,Default Title,,,,2', // a second variant of a product without options
      'c,C,,,,,,', // no variant at all
      'd,D,,,,,SKU-D,', // a variant without a price
    ].join('\n');
    const results = await parseBytes(`${header}${body}\n`, usd);
    assert.deepEqual(
      results.products.flatMap((p) => p.issues.map((i) => [i.row, i.column, i.code])),
      [
        [3, 'Option1 Value', 'duplicate_variant'],
        [4, 'Option2 Value', 'missing_option_value'],
        [6, 'Option1 Value', 'duplicate_variant'],
        [7, null, 'no_variants'],
        [8, 'Variant Price', 'missing_price'],
      ],
    );

    const many = Array.from(
      { length: 101 },
      (_, i) => `big,${i === 0 ? 'Big' : ''},${i === 0 ? 'Size' : ''},S${i},,,SKU${i},1`,
    );
    const tooMany = await parseBytes(`${header}${many.join('\n')}\n`, usd);
    const product = tooMany.products[0]!;
    assert.equal(product.record.variants.length, 100);
    assert.deepEqual(
      product.issues.map((i) => [i.row, i.code]),
      [[102, 'too_many_variants']],
    );
  });

  it('reports invalid UTF-8 bytes with the row and column', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Handle,Title,Variant Price\nmug,Mug,12\ncafe,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait,4\n'),
    ]);
    const results = await parseBytes(bytes, usd);
    assert.deepEqual(results.products[0]!.issues, []);
    assert.deepEqual(
      results.products[1]!.issues.map((i) => [i.row, i.column, i.code]),
      [[3, 'Title', 'invalid_utf8']],
    );
  });
});

describe('Shopify product CSV: writing', () => {
  it('writes the current column layout, product fields on the first row, Default Title for no options', async () => {
    const results = await parseFixture('shopify_product_template_current.csv', usd);
    const text = await readText(writeShopifyCsv(recordsOf(results).slice(2), 'USD'));
    const [header, first] = text.trimEnd().split('\n');
    assert.equal(header, shopifyHeader.join(','));
    assert.match(first!, /^example-hat,Example Beanie,.*,Title,Default Title,/);
    assert.match(first!, /,17\.99,22\.99,TRUE,TRUE,/);
  });

  it('reads back the sample files exactly as first read', async () => {
    for (const file of [
      'shopify_product_template_current.csv',
      'shopify_product_template_legacy.csv',
      'packt_demo_store_products_export.csv',
    ]) {
      const records = recordsOf(await parseFixture(file, usd));
      const again = await roundTrip(records);
      assert.deepEqual(errorsOf(again), [], file);
      assert.deepEqual(recordsOf(again), records, file);
    }
  });

  it('parse(write(records)) gives the records back, for any records Shopify can express', async () => {
    await fc.assert(
      fc.asyncProperty(
        productFile('shopify'),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        async (records, currency) => {
          const parsed = await roundTrip(records, currency);
          assert.deepEqual(errorsOf(parsed), []);
          assert.deepEqual(recordsOf(parsed), records);
        },
      ),
      { numRuns: 150 },
    );
  });
});
