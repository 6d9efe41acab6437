import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createStoreInput } from '../modules/access/stores.ts';
import { HANDLE_PATTERN } from '../modules/catalog/handles.ts';
import { createProductInput } from '../modules/catalog/products.ts';
import { demoStores } from './demo-catalog.ts';
import { productArtPath, renderProductArt } from './product-art.ts';

interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  text: string;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const OPEN_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const CLOSE_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function decodeEntities(raw: string, where: string): string {
  assert.ok(!raw.replace(ENTITY, '').includes('&'), `bare & in ${where}: ${raw}`);
  return raw.replace(ENTITY, (entity) => {
    const named: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&apos;': "'",
    };
    if (named[entity]) return named[entity];
    const hex = entity.startsWith('&#x');
    return String.fromCodePoint(Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10));
  });
}

/**
 * A strict XML well-formedness check (no DTDs, comments or CDATA, which the renderer never emits): one
 * root, tags nested and closed, attributes quoted and unique, every & an entity, only XML characters.
 */
function parseXml(xml: string): XmlElement[] {
  assert.match(xml, XML_CHAR, 'contains characters XML forbids');
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let roots = 0;
  let pos = 0;
  while (pos < xml.length) {
    if (xml[pos] !== '<') {
      const end = xml.indexOf('<', pos);
      const raw = xml.slice(pos, end === -1 ? xml.length : end);
      const text = decodeEntities(raw, 'text');
      if (open.length === 0) assert.equal(text.trim(), '', `text outside the root element: ${raw}`);
      else open.at(-1)!.text += text;
      pos += raw.length;
      continue;
    }
    CLOSE_TAG.lastIndex = pos;
    const close = CLOSE_TAG.exec(xml);
    if (close) {
      assert.equal(close[1], open.pop()?.name, `</${close[1]}> closes the wrong element at ${pos}`);
      pos = CLOSE_TAG.lastIndex;
      continue;
    }
    OPEN_TAG.lastIndex = pos;
    const tag = OPEN_TAG.exec(xml);
    assert.ok(tag, `malformed markup at ${pos}: ${xml.slice(pos, pos + 60)}`);
    const attributes = new Map<string, string>();
    for (const [, name, doubleQuoted, singleQuoted] of tag[2]!.matchAll(ATTRIBUTE)) {
      assert.ok(!attributes.has(name!), `duplicate attribute ${name} on <${tag[1]}>`);
      attributes.set(name!, decodeEntities(doubleQuoted ?? singleQuoted ?? '', `attribute ${name}`));
    }
    const element: XmlElement = { name: tag[1]!, attributes, text: '' };
    if (open.length === 0) roots++;
    elements.push(element);
    if (tag[3] !== '/') open.push(element);
    pos = OPEN_TAG.lastIndex;
  }
  assert.equal(open.length, 0, `unclosed <${open.at(-1)?.name}>`);
  assert.equal(roots, 1, 'exactly one root element');
  return elements;
}

function parseSvg(svg: string): XmlElement[] {
  const elements = parseXml(svg);
  const root = elements[0]!;
  assert.equal(root.name, 'svg');
  assert.equal(root.attributes.get('xmlns'), 'http://www.w3.org/2000/svg');
  assert.equal(root.attributes.get('viewBox'), '0 0 800 800');
  for (const element of elements) {
    for (const [name, value] of element.attributes) {
      if (name === 'aria-label') continue;
      assert.doesNotMatch(
        value,
        /NaN|undefined|Infinity|null/,
        `<${element.name} ${name}> got a broken value`,
      );
    }
  }
  return elements;
}

const backgroundOf = (svg: string) =>
  parseSvg(svg)
    .find((e) => e.name === 'rect')!
    .attributes.get('fill');

describe('renderProductArt', () => {
  test('draws a well-formed 800×800 SVG titled with the product for every demo product', () => {
    for (const store of demoStores) {
      for (const product of store.products) {
        const svg = renderProductArt({
          title: product.title,
          productType: product.productType,
          seed: `${store.handle}/${product.handle}`,
        });
        const elements = parseSvg(svg);
        assert.equal(elements.find((e) => e.name === 'title')?.text, product.title);
        assert.equal(elements[0]!.attributes.get('aria-label'), product.title);
        assert.ok(elements.length > 8, `${product.handle} has an illustration, not just a background`);
      }
    }
  });

  test('is deterministic for the same input and varies with the seed', () => {
    const input = { title: 'Stoneware Mug, Oat Glaze', productType: 'Ceramics', seed: 'alder-ash/mug' };
    assert.equal(renderProductArt(input), renderProductArt({ ...input }));
    const variants = new Set(
      Array.from({ length: 20 }, (_, i) => renderProductArt({ ...input, seed: `seed-${i}` })),
    );
    assert.ok(variants.size > 1, 'different seeds should not all produce the same picture');
  });

  test('gives each product type its own background colour', () => {
    const types = [
      'Ceramics',
      'Linen',
      'Cookware',
      'Candles',
      'Wooden Boards',
      'Glassware',
      'Kitchen Tools',
      'Coffee Beans',
      'Brewing Gear',
      'Bundles',
      'Merch',
      'Garden Furniture',
    ];
    const backgrounds = types.map((productType) =>
      backgroundOf(renderProductArt({ title: 'X', productType, seed: 1 })),
    );
    assert.equal(new Set(backgrounds).size, types.length, `backgrounds: ${backgrounds.join(', ')}`);
    // The colour follows the type, whatever the title or seed.
    assert.equal(
      backgroundOf(renderProductArt({ title: 'Linen Napkins', productType: 'Linen', seed: 'a' })),
      backgroundOf(renderProductArt({ title: 'Tablecloth', productType: 'linen', seed: 99 })),
    );
  });

  test('escapes markup characters in the title', () => {
    const title = `Tom & Jerry's <b>"Best"</b> Mug`;
    const svg = renderProductArt({ title, productType: 'Ceramics', seed: 'x' });
    const elements = parseSvg(svg);
    assert.ok(svg.includes('<title>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;Best&quot;&lt;/b&gt; Mug</title>'));
    assert.ok(!svg.includes('<b>'));
    assert.equal(elements.find((e) => e.name === 'title')?.text, title);
    assert.equal(elements[0]!.attributes.get('aria-label'), title);
  });

  test('stays well-formed for any title, type and seed, dropping only characters XML forbids', () => {
    const anyUtf16 = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyUtf16);
    fc.assert(
      fc.property(
        anyText,
        fc.option(anyText),
        fc.oneof(anyText, fc.integer()),
        (title, productType, seed) => {
          const elements = parseSvg(renderProductArt({ title, productType, seed }));
          const xmlSafe = title.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
          assert.equal(elements.find((e) => e.name === 'title')?.text, xmlSafe);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('productArtPath', () => {
  test('is the URL path the server serves demo art under', () => {
    assert.equal(
      productArtPath('alder-ash', 'stoneware-mug-oat'),
      '/assets/demo/alder-ash/stoneware-mug-oat.svg',
    );
  });
});

describe('demoStores', () => {
  const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z0-9"'¼½])/);

  test('are the two stores the store switcher shows, with valid store settings', () => {
    assert.deepEqual(
      demoStores.map((s) => [s.handle, s.name, s.baseCurrency, s.timezone]),
      [
        ['alder-ash', 'Alder & Ash', 'EUR', 'Europe/Berlin'],
        ['tidewater-coffee', 'Tidewater Coffee Co.', 'USD', 'America/New_York'],
      ],
    );
    for (const store of demoStores) {
      const parsed = createStoreInput.safeParse(store);
      assert.ok(parsed.success, `${store.handle}: ${parsed.error?.message}`);
      assert.ok(store.tagline.length > 20);
    }
    assert.ok(demoStores[0]!.products.length >= 45, 'the first store has a full catalog');
    assert.ok(demoStores[1]!.products.length >= 20, 'the second store has a believable catalog');
  });

  for (const store of demoStores) {
    describe(store.name, () => {
      test('handles and SKUs are unique, well-formed and follow one scheme', () => {
        const prefix = store.handle === 'alder-ash' ? 'AA' : 'TW';
        const handles = store.products.map((p) => p.handle);
        const skus = store.products.map((p) => p.sku);
        assert.equal(new Set(handles).size, handles.length, 'duplicate handle');
        assert.equal(new Set(skus).size, skus.length, 'duplicate SKU');
        for (const p of store.products) {
          assert.match(p.handle, HANDLE_PATTERN);
          assert.match(p.sku, new RegExp(`^${prefix}-[A-Z]{3}-\\d{3}$`));
        }
      });

      test('prices are positive integer minor units in a realistic range', () => {
        for (const p of store.products) {
          assert.ok(Number.isInteger(p.priceAmount) && p.priceAmount > 0, `${p.handle}: ${p.priceAmount}`);
          assert.ok(p.priceAmount >= 500 && p.priceAmount <= 20000, `${p.handle}: ${p.priceAmount}`);
        }
      });

      test('descriptions read like shop copy: 120+ characters, 2–4 sentences', () => {
        for (const p of store.products) {
          assert.ok(p.description.length >= 120, `${p.handle} description is too short`);
          const count = sentencesOf(p.description).length;
          assert.ok(count >= 2 && count <= 4, `${p.handle} has ${count} sentences`);
          assert.doesNotMatch(p.description, /lorem|ipsum|TODO|\s{2}/i);
        }
      });

      test('has drafts for the status filter and some listings without SEO for the audits', () => {
        const drafts = store.products.filter((p) => p.status === 'draft');
        assert.ok(drafts.length >= 2 && drafts.length <= 4, `${drafts.length} drafts`);
        const withoutSeo = store.products.filter((p) => !p.seoTitle && !p.seoDescription);
        assert.ok(
          withoutSeo.some((p) => p.status === 'active'),
          'an active product without SEO fields',
        );
        assert.ok(withoutSeo.length < store.products.length / 3, 'most products do have SEO fields');
        for (const p of store.products) {
          assert.equal(
            Boolean(p.seoTitle),
            Boolean(p.seoDescription),
            `${p.handle}: SEO title without description`,
          );
          if (p.seoTitle)
            assert.ok(p.seoTitle.length <= 70, `${p.handle} SEO title is ${p.seoTitle.length} chars`);
          if (p.seoDescription) {
            const length = p.seoDescription.length;
            assert.ok(length >= 70 && length <= 160, `${p.handle} SEO description is ${length} chars`);
          }
        }
      });

      test('every product passes the catalog’s own validation', () => {
        for (const p of store.products) {
          const { priceAmount, ...fields } = p;
          const parsed = createProductInput.safeParse({ ...fields, price: { amount: priceAmount } });
          assert.ok(parsed.success, `${p.handle}: ${parsed.error?.message}`);
        }
      });
    });
  }

  test('no sentence is repeated anywhere in the demo copy', () => {
    const seen = new Map<string, string>();
    for (const store of demoStores) {
      for (const p of store.products) {
        for (const sentence of sentencesOf(p.description)) {
          const key = sentence.toLowerCase();
          assert.ok(!seen.has(key), `"${sentence}" appears in ${seen.get(key)} and ${p.handle}`);
          seen.set(key, p.handle);
        }
      }
    }
  });
});
