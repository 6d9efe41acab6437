import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { detectCatalogFormat, parseProductCsv, writeProductCsv } from './product-csv.ts';
import type { CatalogFormat, ProductRecord } from './product-record.ts';
import { storepilotHeader } from './storepilot/storepilot-columns.ts';
import {
  catalogFixture,
  errorsOf,
  parseBytes,
  parseFixture,
  readText,
  recordsOf,
} from './testing/parse-results.ts';

const headerOf = (file: string) =>
  (parseCsv(readFileSync(catalogFixture(file)), { bom: true, to: 1 }) as string[][])[0]!;

describe('product CSV entry point', () => {
  it('tells the format from the header', () => {
    assert.equal(detectCatalogFormat(headerOf('shopify_product_template_current.csv')), 'shopify');
    assert.equal(detectCatalogFormat(headerOf('shopify_product_template_legacy.csv')), 'shopify');
    assert.equal(detectCatalogFormat(headerOf('packt_demo_store_products_export.csv')), 'shopify');
    assert.equal(detectCatalogFormat(headerOf('sample_products.csv')), 'woocommerce');
    assert.equal(detectCatalogFormat(storepilotHeader('EUR')), 'storepilot');
    assert.equal(detectCatalogFormat(['Handle', 'Title', 'Price (EUR)']), 'storepilot');
    assert.equal(detectCatalogFormat(['Order', 'Customer', 'Total']), null);
  });

  it('parses each sample with format "auto"', async () => {
    const counts: Array<[string, number]> = [
      ['shopify_product_template_current.csv', 3],
      ['packt_demo_store_products_export.csv', 20],
      ['sample_products.csv', 18],
    ];
    for (const [file, count] of counts) {
      const results = await parseFixture(file, { format: 'auto', currency: 'USD' });
      assert.equal(results.products.length, count, file);
    }
  });

  it('says so when a file is empty or not a product CSV', async () => {
    const empty = await parseBytes('', { format: 'auto', currency: 'USD' });
    assert.deepEqual(
      empty.fileIssues.map((i) => i.code),
      ['empty_file'],
    );
    const orders = await parseBytes('Order,Customer,Total\n1001,Ann,10.00\n', {
      format: 'auto',
      currency: 'USD',
    });
    assert.deepEqual(
      orders.fileIssues.map((i) => [i.row, i.code]),
      [[1, 'unknown_format']],
    );
  });

  it('reports a header with invalid UTF-8 and reads no further', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Handle,Ti'),
      Buffer.from([0xff]),
      Buffer.from('tle,Variant Price\na,A,1\n'),
    ]);
    const results = await parseBytes(bytes, { format: 'shopify', currency: 'USD' });
    assert.deepEqual(
      results.fileIssues.map((i) => [i.row, i.code]),
      [[1, 'invalid_utf8']],
    );
    assert.equal(results.products.length, 0);
  });

  it('streams: a consumer that stops early stops the reading of a huge file', async () => {
    let rowsProduced = 0;
    let finished = false;
    async function* hugeFile() {
      yield 'Handle,Title,Variant Price\n';
      try {
        for (let i = 0; i < 5_000_000; i++) {
          rowsProduced++;
          yield `p${i},Product ${i},${i % 100}.99\n`;
        }
      } finally {
        finished = true;
      }
    }
    const input = Readable.from(hugeFile());
    const seen: string[] = [];
    for await (const event of parseProductCsv(input, { format: 'shopify', currency: 'USD' })) {
      if (event.kind === 'product') seen.push(event.product.record.handle);
      if (seen.length === 3) break;
    }
    assert.deepEqual(seen, ['p0', 'p1', 'p2']);
    assert.ok(rowsProduced < 100_000, `read ${rowsProduced} rows to yield 3 products`);
    assert.ok(input.destroyed);
    assert.ok(finished);
  });

  it('carries Shopify and WooCommerce products losslessly through the Storepilot format', async () => {
    for (const [file, format] of [
      ['shopify_product_template_current.csv', 'shopify'],
      ['sample_products.csv', 'woocommerce'],
    ] as Array<[string, CatalogFormat]>) {
      const records = recordsOf(await parseFixture(file, { format, currency: 'USD' }));
      const text = await readText(writeProductCsv(records, { format: 'storepilot', currency: 'USD' }));
      const again = await parseBytes(text, { format: 'auto', currency: 'USD' });
      assert.deepEqual(errorsOf(again), [], file);
      assert.deepEqual(recordsOf(again), records, file);
    }
  });

  it('refuses to write a record no product CSV can hold', async () => {
    const [record] = recordsOf(
      await parseFixture('shopify_product_template_current.csv', { format: 'shopify', currency: 'USD' }),
    );
    const broken: ProductRecord = {
      ...record!,
      options: [...record!.options, { name: 'A', values: [] }, { name: 'B', values: [] }],
    };
    await assert.rejects(readText(writeProductCsv([broken], { format: 'shopify', currency: 'USD' })), {
      code: 'record_not_writable',
    });
  });

  it('throws for an unknown currency before reading anything', async () => {
    const input = Readable.from(['Handle,Title,Variant Price\n']);
    await assert.rejects(parseProductCsv(input, { format: 'shopify', currency: 'XYZ' }).next(), {
      code: 'unknown_currency',
    });
  });
});
