import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedAttributeOrder } from './feed-attributes.ts';
import { feedStore, feedVariant, multiVariantProduct, simpleProduct } from './feed-fixture.ts';
import { summarizeMerchantFeed } from './feed-items-stream.ts';
import { FeedTally } from './feed-tally.ts';
import type { FeedProduct } from './feed-types.ts';
import { renderMerchantFeedTsv } from './render-tsv.ts';
import { renderMerchantFeedXml } from './render-xml.ts';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

const xmlEntities = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * A small XML reader for the feed's shape, enough to check what a parser would see: tags balance,
 * every `&` starts one of the five predefined entities, no character XML 1.0 forbids appears.
 * Returns the decoded text of every element as [name, text] pairs, in document order.
 */
function readFeedXml(xml: string): [string, string][] {
  for (const char of xml) {
    const code = char.codePointAt(0)!;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    assert.ok(allowed, `character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  const decode = (text: string) => {
    let out = '';
    let at = 0;
    for (;;) {
      const amp = text.indexOf('&', at);
      if (amp === -1) return out + text.slice(at);
      const semi = text.indexOf(';', amp);
      const name = text.slice(amp + 1, semi);
      assert.ok(xmlEntities.has(name), `unknown entity &${name};`);
      out += text.slice(at, amp) + xmlEntities.get(name);
      at = semi + 1;
    }
  };
  const stack: { name: string; textFrom: number }[] = [];
  const elements: [string, string][] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open === -1) break;
    const close = xml.indexOf('>', open);
    const tag = xml.slice(open + 1, close);
    assert.ok(!tag.includes('<'), 'a "<" inside a tag');
    if (tag.startsWith('?')) {
      // XML declaration
    } else if (tag.startsWith('/')) {
      const top = stack.pop();
      assert.equal(top?.name, tag.slice(1), 'closing tag matches the open one');
      const text = xml.slice(top!.textFrom, open);
      if (!text.includes('<')) elements.push([top!.name, decode(text)]);
    } else {
      const name = tag.split(' ')[0]!;
      stack.push({ name, textFrom: close + 1 });
    }
    at = close + 1;
  }
  assert.deepEqual(stack, [], 'every element is closed');
  return elements;
}

function itemBlocks(xml: string): string[] {
  const blocks: string[] = [];
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<item>', at);
    if (start === -1) return blocks;
    const end = xml.indexOf('</item>', start) + '</item>'.length;
    blocks.push(xml.slice(start, end));
    at = end;
  }
}

test('the XML feed is RSS 2.0 with the g: namespace and the exact item for a simple product', async () => {
  const xml = await collect(renderMerchantFeedXml(feedStore, [simpleProduct()]));
  assert.ok(
    xml.startsWith(
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n',
    ),
  );
  assert.ok(xml.includes('<title>Demo Store</title>\n<link>https://shop.example</link>\n'));
  assert.ok(xml.endsWith('</channel>\n</rss>\n'));
  assert.deepEqual(itemBlocks(xml), [
    [
      '<item>',
      '<g:id>var_mug</g:id>',
      '<g:title>Stoneware Mug</g:title>',
      '<g:description>A hand-glazed stoneware mug that holds 350 ml.\n\nDishwasher safe.</g:description>',
      '<g:link>https://shop.example/products/stoneware-mug</g:link>',
      '<g:image_link>https://shop.example/images/mug.jpg</g:image_link>',
      '<g:availability>in_stock</g:availability>',
      '<g:price>12.50 EUR</g:price>',
      '<g:brand>Clayworks</g:brand>',
      '<g:gtin>4006381333931</g:gtin>',
      '<g:mpn>MUG-350</g:mpn>',
      '<g:condition>new</g:condition>',
      '<g:product_type>Home &gt; Kitchen &gt; Mugs</g:product_type>',
      '<g:shipping_weight>500 g</g:shipping_weight>',
      '</item>',
    ].join('\n'),
  ]);
  readFeedXml(xml);
});

test('a multi-variant product gives one item per variant, grouped, with repeated additional images', async () => {
  const xml = await collect(renderMerchantFeedXml(feedStore, [multiVariantProduct()]));
  const elements = readFeedXml(xml);
  const [navy, grey] = itemBlocks(xml);
  assert.equal(
    navy,
    [
      '<item>',
      '<g:id>var_navy_m</g:id>',
      '<g:item_group_id>prod_sweater</g:item_group_id>',
      '<g:title>Merino Sweater – Navy / M</g:title>',
      '<g:description>Extra-fine merino, knitted in Portugal.</g:description>',
      '<g:link>https://shop.example/products/merino-sweater?variant=var_navy_m</g:link>',
      '<g:image_link>https://cdn.example/sweater-navy.jpg</g:image_link>',
      '<g:additional_image_link>https://cdn.example/sweater-front.jpg</g:additional_image_link>',
      '<g:additional_image_link>https://cdn.example/sweater-back.jpg</g:additional_image_link>',
      '<g:availability>in_stock</g:availability>',
      '<g:price>69.99 EUR</g:price>',
      '<g:sale_price>49.99 EUR</g:sale_price>',
      '<g:brand>Woolly</g:brand>',
      '<g:mpn>MS-NAVY-M</g:mpn>',
      '<g:condition>new</g:condition>',
      '<g:google_product_category>212</g:google_product_category>',
      '<g:product_type>Apparel &gt; Knitwear</g:product_type>',
      '<g:shipping_weight>350 g</g:shipping_weight>',
      '<g:color>Navy</g:color>',
      '<g:size>M</g:size>',
      '</item>',
    ].join('\n'),
  );
  assert.ok(
    grey!.includes('<g:availability>out_of_stock</g:availability>\n<g:price>49.99 EUR</g:price>\n<g:brand>'),
  );
  assert.ok(!grey!.includes('sale_price'));
  assert.deepEqual(
    elements.filter(([name]) => name === 'g:item_group_id').map(([, text]) => text),
    ['prod_sweater', 'prod_sweater'],
  );
});

test('& < > " and control characters survive as well-formed XML that reads back to the text', async () => {
  const product = simpleProduct({
    title: 'Tom & Jerry\'s <"Best"> Mug\u0001\u000B',
    descriptionHtml: 'Fish &amp; chips\u0000 for 2 &lt; 3 people\u001F\uFFFE \uD800 — "quoted" ‘single’ 🐟',
    vendor: 'A&B <Ceramics>',
  });
  const xml = await collect(renderMerchantFeedXml({ ...feedStore, name: 'Tom & Co <Shop>' }, [product]));
  const elements = new Map(readFeedXml(xml));
  assert.equal(elements.get('g:title'), 'Tom & Jerry\'s <"Best"> Mug');
  assert.equal(elements.get('g:description'), 'Fish & chips for 2 < 3 people — "quoted" ‘single’ 🐟');
  assert.equal(elements.get('g:brand'), 'A&B <Ceramics>');
  assert.equal(elements.get('title'), 'Tom & Co <Shop>');
  assert.ok(xml.includes('<g:title>Tom &amp; Jerry&apos;s &lt;&quot;Best&quot;&gt; Mug</g:title>'));
});

test('items with errors are left out and counted; the summary names the problem', async () => {
  const noImage = simpleProduct({ id: 'prod_bare', images: [], variants: [feedVariant({ id: 'var_bare' })] });
  const noDescription = simpleProduct({
    id: 'prod_blank',
    descriptionHtml: '<p> </p>',
    variants: [feedVariant({ id: 'var_blank' })],
  });
  const tally = new FeedTally();
  const xml = await collect(
    renderMerchantFeedXml(feedStore, [simpleProduct(), noImage, noDescription, multiVariantProduct()], {
      tally,
    }),
  );
  assert.deepEqual(
    readFeedXml(xml)
      .filter(([name]) => name === 'g:id')
      .map(([, id]) => id),
    ['var_mug', 'var_navy_m', 'var_grey_l'],
  );
  const summary = tally.summary();
  assert.deepEqual(
    {
      products: summary.products,
      items: summary.items,
      included: summary.included,
      rejected: summary.rejected,
    },
    { products: 4, items: 5, included: 3, rejected: 2 },
  );
  assert.deepEqual(
    summary.problems.map((p) => [p.severity, p.code, p.label, p.items, p.sampleItemIds]),
    [
      ['error', 'missing_description', 'missing description', 1, ['var_blank']],
      ['error', 'missing_image', 'missing image', 1, ['var_bare']],
    ],
  );
  assert.deepEqual(
    await summarizeMerchantFeed(feedStore, [simpleProduct(), noImage, noDescription, multiVariantProduct()]),
    summary,
  );
});

test('the TSV feed has a header of attribute names and one clean row per item', async () => {
  const messy = simpleProduct({
    title: 'Mug\twith\ttabs',
    descriptionHtml: 'Line one\nLine two\r\n\r\nSecond paragraph',
  });
  const tsv = await collect(renderMerchantFeedTsv(feedStore, [messy, multiVariantProduct()]));
  const lines = tsv.split('\n');
  assert.equal(lines.pop(), '', 'the file ends with a newline');
  assert.equal(lines[0], feedAttributeOrder.join('\t'));
  assert.equal(lines.length, 4);
  const rows = lines.slice(1).map((line) => line.split('\t'));
  for (const row of rows) assert.equal(row.length, feedAttributeOrder.length);
  const column = (row: string[], name: string) => row[feedAttributeOrder.indexOf(name as never)];
  assert.equal(column(rows[0]!, 'title'), 'Mug with tabs');
  assert.equal(column(rows[0]!, 'description'), 'Line one Line two Second paragraph');
  assert.equal(column(rows[0]!, 'price'), '12.50 EUR');
  assert.equal(column(rows[0]!, 'item_group_id'), '');
  assert.equal(
    column(rows[1]!, 'additional_image_link'),
    'https://cdn.example/sweater-front.jpg,https://cdn.example/sweater-back.jpg',
  );
  assert.equal(column(rows[1]!, 'sale_price'), '49.99 EUR');
  assert.equal(column(rows[2]!, 'color'), 'Grey');
});

async function* manyProducts(count: number, produced: { count: number }): AsyncGenerator<FeedProduct> {
  for (let i = 0; i < count; i++) {
    produced.count++;
    yield multiVariantProduct({
      id: `prod_${i}`,
      title: `Merino Sweater ${i}`,
      variants: multiVariantProduct().variants.map((v) => ({ ...v, id: `${v.id}_${i}` })),
    });
  }
}

for (const [format, render] of [
  ['XML', renderMerchantFeedXml],
  ['TSV', renderMerchantFeedTsv],
] as const) {
  test(`100,000 items stream as ${format} in bounded chunks (time printed, not asserted)`, async () => {
    const produced = { count: 0 };
    const chunkChars = 64 * 1024;
    const tally = new FeedTally();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const started = performance.now();
    let chunks = 0;
    let characters = 0;
    let largestChunk = 0;
    let producedAtFirstChunk = -1;
    for await (const chunk of render(feedStore, manyProducts(50_000, produced), { tally, chunkChars })) {
      if (producedAtFirstChunk === -1) producedAtFirstChunk = produced.count;
      chunks++;
      characters += chunk.length;
      largestChunk = Math.max(largestChunk, chunk.length);
      if (chunks % 100 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const elapsed = performance.now() - started;
    console.log(
      `${format} feed: ${tally.included} items, ${(characters / 1e6).toFixed(1)} M characters in ${chunks} chunks, ${elapsed.toFixed(0)} ms, heap growth at most ${((heapPeak - heapBefore) / 1e6).toFixed(0)} MB`,
    );
    assert.equal(tally.included, 100_000);
    assert.ok(
      producedAtFirstChunk < 1000,
      `the first chunk went out after ${producedAtFirstChunk} products, not at the end`,
    );
    assert.ok(largestChunk < chunkChars + 4096, `largest chunk ${largestChunk}`);
  });
}
