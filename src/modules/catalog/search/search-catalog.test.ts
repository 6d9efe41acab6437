import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { ensureCategoryPath } from '../categories.ts';
import { createCollection } from '../collections/collections.ts';
import { type CreateProductInput, createProduct } from '../products.ts';
import { catalogTranslations, products } from '../schema.ts';
import { type CatalogSearch, type SearchResult, searchCatalog } from './index.ts';

const actor = systemActor('test');
const writer = { actor, canPublish: true };

for (const target of testDatabaseTargets()) {
  describe(`catalog search on ${target.label}`, () => {
    let database: Database;
    let shop: Store;
    let other: Store;
    const ids: Record<string, string> = {};
    const categories: Record<string, string> = {};

    const search = (query: Partial<CatalogSearch> = {}): Promise<SearchResult> =>
      searchCatalog(database.db, {
        store: shop,
        statuses: ['active'],
        sort: 'relevance',
        limit: 50,
        offset: 0,
        ...query,
      });
    const titles = (result: SearchResult) => result.items.map((p) => p.title);

    before(async () => {
      database = await target.create();
      const { db } = database;
      shop = await createStore(db, actor, { handle: 'herbs', name: 'Herbs', baseCurrency: 'EUR' });
      other = await createStore(db, actor, { handle: 'other', name: 'Other', baseCurrency: 'EUR' });
      for (const path of ['Pantry > Tea', 'Home > Candles', 'Home > Kitchen > Mugs', 'Home > Kitchen']) {
        categories[path] = (await ensureCategoryPath(db, shop.id, path))!;
      }
      const make = async (key: string, input: CreateProductInput, store = shop) => {
        ids[key] = (await createProduct(db, writer, store, { status: 'active', ...input })).product.id;
      };
      await make('chamomile', {
        title: 'Chamomile Tea',
        vendor: 'Meadow Lane',
        productType: 'Tea',
        tags: ['herbal'],
        categoryId: categories['Pantry > Tea'],
        description: '<p>Dried flowers for a calm evening cup.</p>',
        options: [{ name: 'Size', values: ['50g', '100g'] }],
        variants: [
          { optionValues: ['50g'], price: { amount: 500 }, sku: 'TEA-CHAM-50' },
          { optionValues: ['100g'], price: { amount: 900 }, sku: 'TEA-CHAM-100' },
        ],
      });
      await make('sencha', {
        title: 'Green Tea Sencha',
        vendor: 'Kyoto Leaf',
        productType: 'Tea',
        categoryId: categories['Pantry > Tea'],
        description:
          '<p>Grassy and bright. Blends well with chamomile or mint; a chamomile blend is sold apart.</p>',
        options: [{ name: 'Size', values: ['50g'] }],
        variants: [{ optionValues: ['50g'], price: { amount: 700 }, sku: 'TEA-SEN-50' }],
      });
      await make('candle', {
        title: 'Crème Brûlée Candle',
        vendor: 'Maison Lumière',
        productType: 'Candles',
        categoryId: categories['Home > Candles'],
        options: [{ name: 'Color', values: ['Ivory', 'Rose'] }],
        variants: [
          { optionValues: ['Ivory'], price: { amount: 2400 }, sku: 'CAN-IV' },
          { optionValues: ['Rose'], price: { amount: 2600 }, sku: 'CAN-RO' },
        ],
      });
      await make('mug', {
        title: 'Oat Mug',
        vendor: 'Töpferei Lenz',
        productType: 'Ceramics',
        categoryId: categories['Home > Kitchen > Mugs'],
        options: [
          { name: 'Color', values: ['Black', 'White'] },
          { name: 'Size', values: ['S', 'L'] },
        ],
        variants: [
          { optionValues: ['Black', 'S'], price: { amount: 1800 }, sku: 'MUG-BLACK-S' },
          { optionValues: ['Black', 'L'], price: { amount: 2200 }, sku: 'MUG-BLACK-L' },
          { optionValues: ['White', 'S'], price: { amount: 1800 }, sku: 'MUG-WHITE-S' },
          { optionValues: ['White', 'L'], price: { amount: 2200 }, sku: 'MUG-WHITE-L' },
        ],
      });
      await make('towel', {
        title: 'Linen Towel',
        vendor: 'Meadow Lane',
        productType: 'Textiles',
        categoryId: categories['Home > Kitchen'],
        options: [{ name: 'Color', values: ['Natural', 'Black'] }],
        variants: [
          { optionValues: ['Natural'], price: { amount: 1200 }, sku: 'TOW-NAT' },
          { optionValues: ['Black'], price: { amount: 1400 }, sku: 'TOW-BLK' },
        ],
      });
      await make('draft', { title: 'Chamomile Secret Draft', price: { amount: 100 }, status: 'draft' });
      await make('elsewhere', { title: 'Chamomile Tea', price: { amount: 100 } }, other);
    });
    after(async () => {
      await database.close();
    });

    test('an exact title match ranks above a product whose description mentions the word', async () => {
      const found = await search({ text: 'chamomile' });
      assert.equal(found.match, 'exact');
      assert.deepEqual(titles(found), ['Chamomile Tea', 'Green Tea Sencha']);
      assert.equal(found.total, 2);
    });

    test('a misspelt word still finds the product, and the result says which word was corrected', async () => {
      const found = await search({ text: 'chamomle' });
      assert.equal(found.match, 'corrected');
      assert.equal(found.items[0]?.title, 'Chamomile Tea');
      assert.deepEqual(found.corrections, [{ word: 'chamomle', readAs: ['chamomile'] }]);
      const twoWords = await search({ text: 'chamomle tea' });
      assert.equal(twoWords.items[0]?.title, 'Chamomile Tea');
      assert.equal((await search({ text: 'xylophone' })).total, 0, 'an unknown word finds nothing');
    });

    test('accents and case do not matter, on either side', async () => {
      assert.deepEqual(titles(await search({ text: 'creme brulee' })), ['Crème Brûlée Candle']);
      assert.deepEqual(titles(await search({ text: 'CRÈME' })), ['Crème Brûlée Candle']);
      assert.deepEqual(titles(await search({ text: 'topferei' })), ['Oat Mug'], 'vendor, folded');
    });

    test('the last word matches as a prefix; vendor, type, tags and option values are searched', async () => {
      assert.deepEqual(titles(await search({ text: 'cand' })), ['Crème Brûlée Candle']);
      assert.deepEqual(titles(await search({ text: 'herbal' })), ['Chamomile Tea']);
      assert.deepEqual(titles(await search({ text: 'ceramics' })), ['Oat Mug']);
      assert.deepEqual(titles(await search({ text: 'natural' })), ['Linen Towel']);
      assert.deepEqual(titles(await search({ text: 'meadow' })).sort(), ['Chamomile Tea', 'Linen Towel']);
    });

    test('a SKU, typed in any case, finds its product first', async () => {
      const found = await search({ text: 'tea-cham-100' });
      assert.equal(found.items[0]?.title, 'Chamomile Tea');
      assert.deepEqual(titles(await search({ text: 'MUG-WHITE-L' })), ['Oat Mug']);
    });

    test('statuses and stores are kept apart: drafts only when asked, other stores never', async () => {
      assert.ok(!titles(await search({ text: 'chamomile' })).includes('Chamomile Secret Draft'));
      const admin = await search({ text: 'chamomile', statuses: undefined });
      assert.deepEqual(titles(admin).sort(), ['Chamomile Secret Draft', 'Chamomile Tea', 'Green Tea Sencha']);
      assert.ok(!admin.items.some((p) => p.storeId !== shop.id));
      const elsewhere = await searchCatalog(database.db, {
        store: other,
        text: 'chamomile',
        sort: 'relevance',
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(
        elsewhere.items.map((p) => p.id),
        [ids.elsewhere],
      );
    });

    test('text with no word in it finds nothing; no text at all lists everything', async () => {
      assert.equal((await search({ text: '!!! ---' })).total, 0);
      assert.equal((await search({ text: '%' })).total, 0, 'a % is no wildcard');
      const all = await search({ text: '  ' });
      assert.equal(all.match, 'none');
      assert.equal(all.total, 5);
    });

    test('the admin list finds a SKU by its beginning; the storefront only by the whole SKU', async () => {
      assert.deepEqual(titles(await search({ text: 'tea-cham-5', skuPrefix: true })), ['Chamomile Tea']);
      assert.deepEqual(titles(await search({ text: 'tea-cham-5' })), []);
      assert.deepEqual(titles(await search({ text: '_EA-CHAM', skuPrefix: true })), [], '_ is no wildcard');
      const prefixed = await search({ text: 'TEA-', skuPrefix: true, statuses: undefined });
      assert.deepEqual(titles(prefixed).sort(), ['Chamomile Tea', 'Green Tea Sencha']);
    });

    test('facets count every value over the matches', async () => {
      const { facets, total } = await search({ facets: true });
      assert.ok(facets);
      assert.equal(total, 5);
      const counts = (list: { value: string; count: number }[]) =>
        Object.fromEntries(list.map((v) => [v.value, v.count]));
      assert.deepEqual(counts(facets.vendors), {
        'Meadow Lane': 2,
        'Kyoto Leaf': 1,
        'Maison Lumière': 1,
        'Töpferei Lenz': 1,
      });
      assert.deepEqual(counts(facets.productTypes), { Tea: 2, Candles: 1, Ceramics: 1, Textiles: 1 });
      assert.deepEqual(Object.fromEntries(facets.categories.map((c) => [c.path, c.count])), {
        Pantry: 2,
        'Pantry > Tea': 2,
        Home: 3,
        'Home > Candles': 1,
        'Home > Kitchen': 2,
        'Home > Kitchen > Mugs': 1,
      });
      assert.deepEqual(
        facets.options.map((o) => [o.name, counts(o.values)]),
        [
          ['Color', { Black: 2, Ivory: 1, Natural: 1, Rose: 1, White: 1 }],
          ['Size', { '50g': 2, '100g': 1, S: 1, L: 1 }],
        ],
      );
      assert.deepEqual(
        facets.options[1]!.values.map((v) => v.value),
        ['S', 'L', '50g', '100g'],
        'sizes in size order, then the rest in natural order',
      );
      assert.equal(facets.inStock, 5);
      assert.deepEqual({ min: facets.price?.min, max: facets.price?.max }, { min: 500, max: 2400 });
      assert.equal(
        facets.price!.buckets.reduce((n, b) => n + b.count, 0),
        5,
        'every product is in one price range',
      );
    });

    test('a facet’s own selection does not narrow its counts, but narrows the others', async () => {
      const found = await search({ facets: true, vendors: ['Meadow Lane'] });
      assert.deepEqual(titles(found).sort(), ['Chamomile Tea', 'Linen Towel']);
      const vendors = found.facets!.vendors;
      assert.equal(vendors.find((v) => v.value === 'Meadow Lane')?.selected, true);
      assert.equal(vendors.find((v) => v.value === 'Kyoto Leaf')?.count, 1, 'other vendors stay countable');
      assert.deepEqual(
        found.facets!.productTypes.map((v) => [v.value, v.count]),
        [
          ['Tea', 1],
          ['Textiles', 1],
        ],
      );
    });

    test('variant filters must hold for one variant together: options, price and stock', async () => {
      const blackLarge = await search({
        options: [
          { name: 'Color', values: ['Black'] },
          { name: 'Size', values: ['L'] },
        ],
      });
      assert.deepEqual(titles(blackLarge), ['Oat Mug']);
      const whiteCheap = await search({
        options: [{ name: 'Color', values: ['White'] }],
        price: { max: 2000 },
      });
      assert.deepEqual(titles(whiteCheap), ['Oat Mug'], 'the white S costs 18.00');
      const smallDear = await search({ options: [{ name: 'Size', values: ['S'] }], price: { min: 2000 } });
      assert.deepEqual(titles(smallDear), [], 'no S variant costs 20.00 or more');
      const midPriced = await search({ price: { min: 1000, max: 2000 } });
      assert.deepEqual(titles(midPriced).sort(), ['Linen Towel', 'Oat Mug']);
      const alternatives = await search({ options: [{ name: 'Color', values: ['Rose', 'Natural'] }] });
      assert.deepEqual(titles(alternatives).sort(), ['Crème Brûlée Candle', 'Linen Towel']);
    });

    test('option facets under an option filter: its own values stay, the others follow it', async () => {
      const found = await search({ facets: true, options: [{ name: 'Color', values: ['Black'] }] });
      assert.deepEqual(titles(found).sort(), ['Linen Towel', 'Oat Mug']);
      const color = found.facets!.options.find((o) => o.name === 'Color')!;
      assert.equal(color.values.find((v) => v.value === 'White')?.count, 1);
      assert.equal(color.values.find((v) => v.value === 'Black')?.selected, true);
      const size = found.facets!.options.find((o) => o.name === 'Size')!;
      assert.deepEqual(
        size.values.map((v) => [v.value, v.count]),
        [
          ['S', 1],
          ['L', 1],
        ],
      );
      assert.deepEqual(
        found.facets!.vendors.map((v) => v.value).sort(),
        ['Meadow Lane', 'Töpferei Lenz'],
        'other facets count only black products',
      );
    });

    test('a stock source plugs in: in-stock filtering and counting follow it', async () => {
      const stock = {
        variantAvailable: (v: ReturnType<typeof sql.raw>) => sql`${v}.sku <> 'MUG-BLACK-L'`,
      };
      const blackLarge = [
        { name: 'Color', values: ['Black'] },
        { name: 'Size', values: ['L'] },
      ];
      assert.equal((await search({ options: blackLarge, stock })).total, 1, 'not filtered by stock');
      const inStock = await search({ options: blackLarge, stock, inStock: true, facets: true });
      assert.equal(inStock.total, 0, 'the only black L is sold out');
      assert.equal(inStock.facets!.inStock, 0);
      const all = await search({ stock, facets: true, inStock: true });
      assert.equal(all.total, 5, 'the mug has other variants in stock');
    });

    test('a category includes everything below it', async () => {
      const home = await search({ categoryId: await categoryId('Home'), facets: true });
      assert.deepEqual(titles(home).sort(), ['Crème Brûlée Candle', 'Linen Towel', 'Oat Mug']);
      assert.equal(home.facets!.categories.find((c) => c.path === 'Home > Kitchen')?.count, 2);
      const mugs = await search({ categoryId: categories['Home > Kitchen > Mugs'] });
      assert.deepEqual(titles(mugs), ['Oat Mug']);
      assert.equal((await search({ categoryId: 'cat_unknown' })).total, 0);
    });

    test('a collection’s members can be listed, filtered and kept in the collection’s own order', async () => {
      const collection = await createCollection(database.db, actor, shop.id, {
        title: 'Gift ideas',
        kind: 'manual',
        productIds: [ids.towel!, ids.chamomile!, ids.mug!],
      });
      const members = await search({ collectionId: collection.id, sort: 'position', facets: true });
      assert.deepEqual(titles(members), ['Linen Towel', 'Chamomile Tea', 'Oat Mug']);
      assert.deepEqual(
        members.facets!.vendors.map((v) => [v.value, v.count]),
        [
          ['Meadow Lane', 2],
          ['Töpferei Lenz', 1],
        ],
      );
      const black = await search({
        collectionId: collection.id,
        options: [{ name: 'Color', values: ['Black'] }],
      });
      assert.deepEqual(titles(black).sort(), ['Linen Towel', 'Oat Mug']);
      assert.equal((await search({ sort: 'position' })).items[0]?.title, 'Linen Towel', 'newest without one');
    });

    test('a condition over the products table narrows the listing (a rule collection’s rules)', async () => {
      const rules = sql`${products.vendor} = 'Meadow Lane' and ${products.priceAmount} < 1000`;
      const found = await search({ productsWhere: rules, facets: true });
      assert.deepEqual(titles(found), ['Chamomile Tea']);
      assert.equal(found.facets!.vendors[0]?.value, 'Meadow Lane');
      assert.deepEqual(titles(await search({ productsWhere: rules, text: 'towel' })), []);
    });

    async function categoryId(path: string): Promise<string> {
      return (await ensureCategoryPath(database.db, shop.id, path))!;
    }

    test('tags (any of them, any case) and missing content narrow the listing, counts too', async () => {
      assert.deepEqual(titles(await search({ tags: ['HERBAL'] })), ['Chamomile Tea']);
      assert.deepEqual(titles(await search({ tags: ['herbal', 'none-such'] })), ['Chamomile Tea']);
      assert.equal((await search({ tags: ['none-such'] })).total, 0);
      // Only chamomile and sencha have descriptions; nothing here has an image; every product a category.
      const noText = await search({ missing: ['description'], sort: 'title' });
      assert.deepEqual(titles(noText), ['Crème Brûlée Candle', 'Linen Towel', 'Oat Mug']);
      assert.equal((await search({ missing: ['image'] })).total, 5);
      assert.equal((await search({ missing: ['category'] })).total, 0);
      const counted = await search({ missing: ['description'], facets: true });
      assert.equal(counted.total, 3);
      assert.deepEqual(counted.facets?.vendors.map((v) => [v.value, v.count]).sort(), [
        ['Maison Lumière', 1],
        ['Meadow Lane', 1],
        ['Töpferei Lenz', 1],
      ]);
    });

    test('sorting by price, title and newest; pages cover every match once', async () => {
      const byPrice = await search({ sort: 'price-asc' });
      assert.deepEqual(titles(byPrice), [
        'Chamomile Tea',
        'Green Tea Sencha',
        'Linen Towel',
        'Oat Mug',
        'Crème Brûlée Candle',
      ]);
      assert.deepEqual(titles(await search({ sort: 'price-desc' })), [...titles(byPrice)].reverse());
      assert.deepEqual(titles(await search({ sort: 'title' })), [
        'Chamomile Tea',
        'Crème Brûlée Candle',
        'Green Tea Sencha',
        'Linen Towel',
        'Oat Mug',
      ]);
      assert.deepEqual(
        titles(await search({ sort: 'title-desc' })),
        [...titles(await search({ sort: 'title' }))].reverse(),
      );
      assert.equal((await search({ sort: 'newest' })).items[0]?.title, 'Linen Towel', 'published last');
      const seen: string[] = [];
      for (let offset = 0; offset < 6; offset += 2) {
        const page = await search({ sort: 'title', limit: 2, offset });
        assert.equal(page.total, 5);
        seen.push(...titles(page));
      }
      assert.deepEqual(seen, titles(await search({ sort: 'title' })));
      const past = await search({ sort: 'title', limit: 2, offset: 10 });
      assert.deepEqual([past.items.length, past.total], [0, 5], 'past the end: no items, the total still');
    });

    test('with facets, the page comes out of the counting statement in the same order', async () => {
      for (const sort of [
        'relevance',
        'price-asc',
        'price-desc',
        'newest',
        'title',
        'title-desc',
        'updated',
      ] as const) {
        for (const query of [
          {},
          { text: 'tea' },
          { options: [{ name: 'Color', values: ['Black', 'Ivory'] }] },
        ]) {
          const plain = await search({ ...query, sort, limit: 2, offset: 1 });
          const counted = await search({ ...query, sort, limit: 2, offset: 1, facets: true });
          assert.deepEqual(titles(counted), titles(plain), `${sort} ${JSON.stringify(query)}`);
          assert.equal(counted.total, plain.total);
        }
      }
    });

    test('in another locale, translated titles are searched and shown', async () => {
      await database.db.insert(catalogTranslations).values([
        {
          storeId: shop.id,
          entityId: ids.chamomile!,
          productId: ids.chamomile!,
          locale: 'de',
          field: 'title',
          value: 'Kamillentee',
        },
        {
          storeId: shop.id,
          entityId: ids.candle!,
          productId: ids.candle!,
          locale: 'de',
          field: 'description',
          value: 'Duftet nach Vanille und Karamell.',
        },
      ]);
      const german = await search({ text: 'kamillentee', locale: 'de' });
      assert.deepEqual(titles(german), ['Kamillentee']);
      assert.deepEqual(titles(await search({ text: 'karamell', locale: 'de' })), ['Crème Brûlée Candle']);
      assert.equal((await search({ text: 'kamillentee' })).total, 0, 'not in the default locale');
      assert.equal(
        (await search({ text: 'chamomile tea', locale: 'de' })).items[0]?.title,
        'Kamillentee',
        'the default text still finds it, shown translated',
      );
      const sorted = await search({ locale: 'de', sort: 'title' });
      assert.equal(sorted.items.at(-1)?.title, 'Oat Mug');
      assert.ok(titles(sorted).indexOf('Kamillentee') > titles(sorted).indexOf('Green Tea Sencha'));
    });
  });
}
