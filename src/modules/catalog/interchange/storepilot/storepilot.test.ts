import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
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
import { storepilotHeader } from './storepilot-columns.ts';
import { writeStorepilotCsv } from './storepilot-writer.ts';

const eur = { format: 'storepilot', currency: 'EUR' } as const;

async function roundTrip(records: ProductRecord[], currency = 'EUR') {
  const text = await readText(writeStorepilotCsv(records, currency));
  return { text, parsed: await parseBytes(text, { format: 'storepilot', currency }, 7) };
}

const mug: ProductRecord = {
  handle: 'mug',
  title: '=Mug, "large"',
  descriptionHtml: '<p>Holds\n400 ml</p>',
  vendor: 'Acme',
  productType: 'Kitchen',
  category: 'Home > Kitchen',
  tags: ['gift', 'a, b'],
  status: 'active',
  seoTitle: null,
  seoDescription: 'A large mug.',
  options: [{ name: 'Color', values: ['White', 'Black', 'Red'] }],
  variants: [
    {
      sku: 'MUG-B',
      barcode: null,
      optionValues: ['Black'],
      priceAmount: 1250,
      compareAtAmount: 1500,
      costAmount: 400,
      weightGrams: 350,
      requiresShipping: true,
      taxable: true,
      taxClass: 'reduced',
      inventoryQuantity: -2,
      inventoryPolicy: 'continue',
      imageSrc: 'https://cdn.example.com/mug-black.jpg',
    },
    {
      sku: 'MUG-W',
      barcode: '4006381333931',
      optionValues: ['White'],
      priceAmount: 1250,
      compareAtAmount: null,
      costAmount: null,
      weightGrams: null,
      requiresShipping: true,
      taxable: false,
      taxClass: null,
      inventoryQuantity: null,
      inventoryPolicy: 'deny',
      imageSrc: null,
    },
  ],
  images: [
    { src: 'https://cdn.example.com/mug.jpg', position: 1, alt: 'A mug' },
    { src: 'https://cdn.example.com/mug-black.jpg', position: 2, alt: null },
  ],
};

describe('Storepilot product CSV', () => {
  it('writes one row per variant, then one per image, with the currency in the amount headers', async () => {
    const { text } = await roundTrip([mug]);
    assert.ok(text.startsWith('\uFEFF'));
    const [header, ...rows] = parseCsv(text.slice(1)) as string[][];
    assert.deepEqual(header, storepilotHeader('EUR'));
    const cell = (row: string[] | undefined, name: string) => row?.[header!.indexOf(name)];
    assert.equal(rows.length, 2 + 2);
    const [black, white, image1, image2] = rows;
    assert.deepEqual(
      ['Handle', 'Title', 'Status', 'Tags', 'Option 1 name', 'Option 1 value'].map((n) => cell(black, n)),
      ['mug', '\'=Mug, "large"', 'active', 'gift, a\\, b', 'Color', 'Black'],
    );
    assert.deepEqual(
      [
        'Price (EUR)',
        'Compare-at price (EUR)',
        'Cost (EUR)',
        'Weight (g)',
        'Taxable',
        'Inventory quantity',
        'Inventory policy',
      ].map((n) => cell(black, n)),
      ['12.50', '15.00', '4.00', '350', 'yes', '-2', 'continue'],
    );
    // White first and Red unused is not the order the variants give, so the value list is written.
    assert.equal(cell(black, 'Option 1 values'), 'White, Black, Red');
    assert.deepEqual(
      ['Title', 'Option 1 name', 'Option 1 value', 'Taxable'].map((n) => cell(white, n)),
      ['', '', 'White', 'no'],
    );
    assert.deepEqual(
      header!.map((n) => cell(image1, n)).filter((v) => v !== ''),
      ['mug', 'https://cdn.example.com/mug.jpg', 'A mug'],
    );
    assert.equal(cell(image2, 'Image alt text'), '');
  });

  it('keeps every field of a record', async () => {
    const { parsed } = await roundTrip([mug]);
    assert.deepEqual(errorsOf(parsed), []);
    assert.deepEqual(recordsOf(parsed), [mug]);
  });

  it('parse(write(records)) gives the records back, for any records', async () => {
    await fc.assert(
      fc.asyncProperty(
        productFile('storepilot'),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        async (records, currency) => {
          const { parsed } = await roundTrip(records, currency);
          assert.deepEqual(errorsOf(parsed), []);
          assert.deepEqual(recordsOf(parsed), records);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a file whose amounts are in another currency', async () => {
    const results = await parseFixture('broken/storepilot-wrong-currency.csv', eur);
    assert.equal(results.products.length, 0);
    const issue = results.fileIssues.find((i) => i.code === 'currency_mismatch');
    assert.deepEqual([issue?.row, issue?.column], [1, 'Price (USD)']);
  });

  it('is forgiving where a spreadsheet user edits: a product-only first row, repeated product cells, kg weights', async () => {
    const csv = [
      'Handle,Title,Status,Option 1 name,Option 1 value,Price,Weight (kg),Image URL',
      'tee,Tee,active,Size,,,,',
      'tee,Tee,,,S,10,0.25,',
      'tee,Tee,,,M,10,1.2,',
      'tee,Other title,,,L,10,,',
      'tee,,,,,,,https://cdn.example.com/tee.jpg',
    ].join('\n');
    const results = await parseBytes(csv, eur);
    const [tee] = results.products;
    assert.deepEqual(tee!.record.options, [{ name: 'Size', values: ['S', 'M', 'L'] }]);
    assert.deepEqual(
      tee!.record.variants.map((v) => v.weightGrams),
      [250, 1200, null],
    );
    assert.equal(tee!.record.images.length, 1);
    assert.deepEqual(
      tee!.issues.map((i) => [i.row, i.column, i.code, i.severity]),
      [[5, 'Title', 'ignored_product_cell', 'warning']],
    );
  });

  it('rejects a variant value that is not among the listed option values', async () => {
    const csv = [
      'Handle,Title,Option 1 name,Option 1 value,Option 1 values,Price',
      'tee,Tee,Size,S,"S, M",10',
      'tee,,,XL,,10',
    ].join('\n');
    const results = await parseBytes(csv, eur);
    const issue = issueWithCode(results, 'unknown_option_value');
    assert.deepEqual([issue?.row, issue?.column], [3, 'Option 1 value']);
  });
});
