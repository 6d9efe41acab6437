import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';

interface Listed {
  id: string;
  title: string;
}

for (const target of testDatabaseTargets()) {
  describe(`product list filters on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    const api = '/api/admin/stores/filtershop';
    const ids: Record<string, string> = {};
    const categories: Record<string, string> = {};
    const collections: Record<string, string> = {};

    async function post(url: string, payload: object) {
      const res = await owner.request({ method: 'POST', url: `${api}${url}`, payload });
      assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    }
    async function list(query: string) {
      const res = await owner.request({ method: 'GET', url: `${api}/products?${query}` });
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
      return res.json() as { items: Listed[]; total: number };
    }
    const titles = async (query: string) => (await list(`sort=title&${query}`)).items.map((p) => p.title);

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'filtershop');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      categories.home = (await post('/categories', { name: 'Home' })).category.id;
      categories.kitchen = (
        await post('/categories', { name: 'Kitchen', parentId: categories.home })
      ).category.id;
      categories.garden = (await post('/categories', { name: 'Garden' })).category.id;
      const make = async (key: string, payload: object) => {
        ids[key] = (await post('/products', payload)).product.id;
      };
      await make('mug', {
        title: 'Oat Mug',
        vendor: 'Lenz',
        productType: 'Ceramics',
        tags: ['Kitchen', 'gift'],
        categoryId: categories.kitchen,
        description: '<p>Thrown by hand.</p>',
        options: [{ name: 'Size', values: ['S', 'L'] }],
        variants: [
          { optionValues: ['S'], price: { amount: 1800 }, sku: 'MUG-S' },
          { optionValues: ['L'], price: { amount: 2600 }, sku: 'MUG-L' },
        ],
      });
      await make('vase', {
        title: 'Tall Vase',
        vendor: 'Lenz',
        productType: 'Ceramics',
        tags: ['decor'],
        categoryId: categories.home,
        price: { amount: 4500 },
        description: '<p>&nbsp;</p>',
      });
      await make('towel', {
        title: 'Linen Towel',
        vendor: 'Meadow Lane',
        productType: 'Textiles',
        tags: ['KITCHEN'],
        categoryId: categories.kitchen,
        price: { amount: 1200 },
        description: 'Soft linen.',
      });
      await make('trowel', {
        title: 'Garden Trowel',
        vendor: 'Fieldwork',
        productType: 'Tools',
        categoryId: categories.garden,
        price: { amount: 3200 },
        status: 'active',
      });
      await make('draft', { title: 'Unnamed Draft', price: { amount: 100 } });
      // An image recorded straight on the row: the gallery keeps it there for lists.
      await database.execute(`update products set image_url = 'https://img.example/mug.jpg' where id = $1`, [
        ids.mug,
      ]);
      collections.manual = (
        await post('/collections', { title: 'Gifts', kind: 'manual', productIds: [ids.towel, ids.mug] })
      ).collection.id;
      collections.rules = (
        await post('/collections', {
          title: 'Under 30',
          kind: 'rules',
          rules: [{ field: 'price', operator: 'lt', value: 3000 }],
        })
      ).collection.id;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('each filter narrows the list; repeated values are alternatives, fields combine', async () => {
      assert.equal((await list('')).total, 5);
      assert.deepEqual(await titles('vendor=Lenz'), ['Oat Mug', 'Tall Vase']);
      assert.deepEqual(await titles('vendor=Lenz&vendor=Fieldwork'), [
        'Garden Trowel',
        'Oat Mug',
        'Tall Vase',
      ]);
      assert.deepEqual(await titles('productType=Textiles'), ['Linen Towel']);
      assert.deepEqual(await titles('tag=kitchen'), ['Linen Towel', 'Oat Mug'], 'tags in any case');
      assert.deepEqual(await titles('tag=decor&tag=gift'), ['Oat Mug', 'Tall Vase']);
      assert.deepEqual(
        await titles(`categoryId=${categories.home}`),
        ['Linen Towel', 'Oat Mug', 'Tall Vase'],
        'a category includes the categories below it',
      );
      assert.deepEqual(await titles(`categoryId=${categories.kitchen}`), ['Linen Towel', 'Oat Mug']);
      assert.deepEqual(await titles(`collectionId=${collections.manual}`), ['Linen Towel', 'Oat Mug']);
      assert.deepEqual(
        await titles(`collectionId=${collections.rules}`),
        ['Linen Towel', 'Oat Mug', 'Unnamed Draft'],
        "a rule collection's rules",
      );
      assert.deepEqual(
        (await list(`collectionId=${collections.manual}&sort=position`)).items.map((p) => p.title),
        ['Linen Towel', 'Oat Mug'],
        "a manual collection's own order",
      );
      assert.equal((await list('collectionId=coll_01jzzzzzzzzzzzzzzzzzzzzzzz')).total, 0, 'unknown: none');
      assert.deepEqual(await titles('priceMin=2000&priceMax=3000'), ['Oat Mug'], 'any variant in range');
      assert.deepEqual(await titles('priceMin=4000'), ['Tall Vase']);
      assert.deepEqual(await titles('priceMax=1000'), ['Unnamed Draft']);
      assert.deepEqual(
        await titles('missing=description'),
        ['Garden Trowel', 'Tall Vase', 'Unnamed Draft'],
        'markup and spaces alone are no description',
      );
      assert.deepEqual(await titles('missing=image&vendor=Lenz'), ['Tall Vase']);
      assert.deepEqual(await titles('missing=image&missing=description&status=active'), ['Garden Trowel']);
      assert.deepEqual(await titles('vendor=Lenz&tag=kitchen&q=mug'), ['Oat Mug']);
      assert.deepEqual(await titles('q=MUG-'), ['Oat Mug'], 'SKU prefix');
    });

    test('every filter is part of the cached page key', async () => {
      // The unfiltered first page is cached now; each filter must get its own answer, not that one.
      const all = await list('limit=50');
      assert.equal(all.total, 5);
      const filters = [
        'q=towel',
        'status=active',
        'vendor=Fieldwork',
        'productType=Tools',
        'tag=decor',
        `categoryId=${categories.garden}`,
        `collectionId=${collections.manual}`,
        'priceMin=4000',
        'priceMax=1000',
        'missing=category',
        // Nothing here waits for review (src/modules/catalog/workflow/review-queue.test.ts has what does).
        'review=waiting',
      ];
      for (const filter of filters) {
        const page = await list(`limit=50&${filter}`);
        assert.ok(page.total < all.total, `${filter} was answered from another filter's page`);
      }
      // Written differently, the same filter is the same page (and the same answer).
      assert.deepEqual(
        await list('vendor=Lenz&vendor=Fieldwork'),
        await list('vendor=Fieldwork&vendor=Lenz'),
      );
      // A catalog change still shows at once with a filter.
      await owner.request({
        method: 'PATCH',
        url: `${api}/products/${ids.vase}`,
        payload: { vendor: 'Other' },
      });
      assert.deepEqual(await titles('vendor=Lenz'), ['Oat Mug']);
      await owner.request({
        method: 'PATCH',
        url: `${api}/products/${ids.vase}`,
        payload: { vendor: 'Lenz' },
      });
    });

    test('bad filters: 400 with the field named, never a 500', async () => {
      const cases: [string, string][] = [
        ['priceMin=abc', 'querystring.priceMin'],
        ['priceMin=12.5', 'querystring.priceMin'],
        ['priceMax=-1', 'querystring.priceMax'],
        ['priceMin=5000&priceMax=100', 'querystring.priceMax'],
        ['missing=price', 'querystring.missing'],
        ['status=gone', 'querystring.status'],
        ['sort=random', 'querystring.sort'],
        [`vendor=${'x'.repeat(300)}`, 'querystring.vendor'],
        [Array.from({ length: 21 }, (_, i) => `tag=t${i}`).join('&'), 'querystring.tag'],
        ['categoryId=', 'querystring.categoryId'],
        ['review=later', 'querystring.review'],
      ];
      for (const [query, path] of cases) {
        const res = await owner.request({ method: 'GET', url: `${api}/products?${query}` });
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        const { error } = res.json();
        assert.equal(error.code, 'validation_failed');
        assert.ok(
          error.details.some((d: { path: string }) => d.path.startsWith(path)),
          `${query}: ${JSON.stringify(error.details)}`,
        );
      }
    });

    test('"every product the filter matches" in a bulk operation is exactly what the list shows', async () => {
      const filters: Record<string, unknown>[] = [
        { vendor: ['Lenz'], tag: ['KITCHEN'] },
        { categoryId: categories.home, missing: ['image'] },
        { collectionId: collections.rules, status: 'draft' },
        { q: 'linnen' }, // misspelt: the list reads it as "linen", so must the selection
        { priceMin: 1500, priceMax: 3500 },
      ];
      for (const filter of filters) {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(filter)) {
          for (const v of Array.isArray(value) ? value : [value]) query.append(key, String(v));
        }
        const listed = await list(`limit=200&${query}`);
        assert.ok(listed.total > 0, JSON.stringify(filter));
        const res = await owner.request({
          method: 'POST',
          url: `${api}/bulk-operations`,
          payload: { selection: { filter }, action: { type: 'add_tags', tags: ['picked'] } },
        });
        assert.equal(res.statusCode, 202, res.body);
        const operationId = res.json().operation.id;
        const [row] = await database.execute<{ ids: string[] }>(
          'select array_agg(product_id order by product_id) as ids from bulk_operation_items where operation_id = $1',
          [operationId],
        );
        assert.deepEqual(row!.ids, listed.items.map((p) => p.id).sort(), JSON.stringify(filter));
      }
      const bad = await owner.request({
        method: 'POST',
        url: `${api}/bulk-operations`,
        payload: {
          selection: { filter: { priceMin: 10, priceMax: 5 } },
          action: { type: 'add_tags', tags: ['x'] },
        },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'validation_failed');
    });

    test('filter values: every vendor, type and tag with its product count, commonest first', async () => {
      const res = await owner.request({ method: 'GET', url: `${api}/products/filter-values` });
      assert.equal(res.statusCode, 200, res.body);
      const values = res.json();
      assert.deepEqual(values.vendors, [
        { value: 'Lenz', count: 2 },
        { value: 'Fieldwork', count: 1 },
        { value: 'Meadow Lane', count: 1 },
      ]);
      assert.deepEqual(
        values.productTypes.map((t: { value: string }) => t.value),
        ['Ceramics', 'Textiles', 'Tools'],
      );
      const kitchen = values.tags.find((t: { value: string }) => t.value.toLowerCase() === 'kitchen');
      assert.equal(kitchen.count, 2, 'spellings of one tag counted together');
    });
  });
}
