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
import { ensureCategoryPath } from '../categories.ts';

interface Node {
  id: string;
  name: string;
  path: string;
  productCount: number;
  totalProductCount: number;
  children: Node[];
}

for (const target of testDatabaseTargets()) {
  describe(`category tree on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let storeId: string;
    const base = '/api/admin/stores/tree/categories';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'tree');
      storeId = store.id;
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    async function create(name: string, parentId?: string) {
      const res = await owner.request({ method: 'POST', url: base, payload: { name, parentId } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().category as { id: string; path: string; handle: string };
    }
    async function product(title: string) {
      const res = await owner.request({
        method: 'POST',
        url: '/api/admin/stores/tree/products',
        payload: { title, price: { amount: 1000 } },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product.id as string;
    }
    async function file(productId: string, categoryId: string | null) {
      const res = await owner.request({
        method: 'PUT',
        url: `/api/admin/stores/tree/products/${productId}/category`,
        payload: { categoryId },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    }
    async function tree(): Promise<Node[]> {
      const res = await owner.request({ method: 'GET', url: base });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().categories;
    }
    const find = (nodes: Node[], id: string): Node | undefined => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const inner = find(n.children, id);
        if (inner) return inner;
      }
      return undefined;
    };

    test('a tree with product counts: direct and including everything below', async () => {
      const clothing = await create('Clothing');
      const shirts = await create('Shirts', clothing.id);
      const linen = await create('Linen', shirts.id);
      assert.equal(linen.path, 'Clothing > Shirts > Linen');
      assert.equal(linen.handle, 'clothing-shirts-linen');
      await file(await product('Linen shirt'), linen.id);
      await file(await product('Oxford shirt'), shirts.id);
      await file(await product('Scarf'), clothing.id);
      const nodes = await tree();
      const top = find(nodes, clothing.id)!;
      assert.equal(top.productCount, 1);
      assert.equal(top.totalProductCount, 3);
      assert.equal(find(nodes, shirts.id)!.totalProductCount, 2);
      assert.deepEqual(
        top.children.map((c) => c.name),
        ['Shirts'],
      );
    });

    test('rename rewrites the paths below; the import finds categories by their new path', async () => {
      const home = await create('Home');
      const kitchen = await create('Kitchen', home.id);
      const renamed = await owner.request({
        method: 'PATCH',
        url: `${base}/${home.id}`,
        payload: { name: 'Home & Living' },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json().category.path, 'Home & Living');
      const nodes = await tree();
      assert.equal(find(nodes, kitchen.id)!.path, 'Home & Living > Kitchen');
      // The CSV import names categories by path: the renamed one is found, not created again.
      const found = await database.db.transaction((tx) =>
        ensureCategoryPath(tx, storeId, 'Home & Living > Kitchen'),
      );
      assert.equal(found, kitchen.id);
      const handle = await owner.request({
        method: 'PATCH',
        url: `${base}/${home.id}`,
        payload: { handle: 'living' },
      });
      assert.equal(handle.json().category.handle, 'living');
      const [redirect] = await database.execute<{ to_path: string }>(
        'select to_path from redirects where store_id = $1 and from_path = $2',
        [storeId, '/categories/home'],
      );
      assert.equal(redirect?.to_path, '/categories/living', 'the old category address answers 301');
      const badName = await owner.request({
        method: 'PATCH',
        url: `${base}/${home.id}`,
        payload: { name: 'A > B' },
      });
      assert.equal(badName.statusCode, 400);
      const sibling = await create('Garden', home.id);
      const clash = await owner.request({
        method: 'PATCH',
        url: `${base}/${sibling.id}`,
        payload: { name: 'Kitchen' },
      });
      assert.equal(clash.statusCode, 409);
      assert.equal(clash.json().error.code, 'category_exists');
    });

    test('move re-parents a subtree and orders siblings; moving into its own subtree is refused', async () => {
      const a = await create('Alpha');
      const b = await create('Beta', a.id);
      const c = await create('Gamma', b.id);
      for (const [label, parentId] of [
        ['itself', a.id],
        ['its child', b.id],
        ['its grandchild', c.id],
      ] as const) {
        const res = await owner.request({
          method: 'POST',
          url: `${base}/${a.id}/move`,
          payload: { parentId },
        });
        assert.equal(res.statusCode, 422, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, 'category_cycle', label);
      }
      const other = await create('Delta');
      const moved = await owner.request({
        method: 'POST',
        url: `${base}/${b.id}/move`,
        payload: { parentId: other.id },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().category.path, 'Delta > Beta');
      assert.equal(find(await tree(), c.id)!.path, 'Delta > Beta > Gamma');
      // And now the former parent may go under its former child's new tree, being no longer above it.
      const back = await owner.request({
        method: 'POST',
        url: `${base}/${a.id}/move`,
        payload: { parentId: c.id },
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.equal(back.json().category.path, 'Delta > Beta > Gamma > Alpha');
      // Reorder at the top level: put Delta first.
      const first = await owner.request({
        method: 'POST',
        url: `${base}/${other.id}/move`,
        payload: { parentId: null, position: 0 },
      });
      assert.equal(first.statusCode, 200);
      assert.equal((await tree())[0]!.id, other.id);
    });

    test('two opposite moves at once never make a cycle', async () => {
      const x = await create('Xenon');
      const y = await create('Yttrium');
      const results = await Promise.all([
        owner.request({ method: 'POST', url: `${base}/${x.id}/move`, payload: { parentId: y.id } }),
        owner.request({ method: 'POST', url: `${base}/${y.id}/move`, payload: { parentId: x.id } }),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [200, 422], results.map((r) => r.body).join(' | '));
    });

    test('delete refuses categories in use unless products are reassigned, and categories with children', async () => {
      const parent = await create('Toys');
      const child = await create('Puzzles', parent.id);
      const target = await create('Games');
      const id = await product('Jigsaw');
      await file(id, child.id);
      const withChildren = await owner.request({ method: 'DELETE', url: `${base}/${parent.id}` });
      assert.equal(withChildren.statusCode, 409);
      assert.equal(withChildren.json().error.code, 'category_has_children');
      const inUse = await owner.request({ method: 'DELETE', url: `${base}/${child.id}` });
      assert.equal(inUse.statusCode, 409);
      assert.equal(inUse.json().error.code, 'category_in_use');
      assert.equal(inUse.json().error.details.products, 1);
      const unknownTarget = await owner.request({
        method: 'DELETE',
        url: `${base}/${child.id}?reassignTo=cat_nope`,
      });
      assert.equal(unknownTarget.statusCode, 422);
      const reassigned = await owner.request({
        method: 'DELETE',
        url: `${base}/${child.id}?reassignTo=${target.id}`,
      });
      assert.equal(reassigned.statusCode, 200, reassigned.body);
      assert.equal(reassigned.json().reassignedProducts, 1);
      const productNow = await owner.request({ method: 'GET', url: `/api/admin/stores/tree/products/${id}` });
      assert.equal(productNow.json().product.categoryId, target.id);
      const audit = await owner.request({
        method: 'GET',
        url: `/api/admin/stores/tree/audit?entityId=${child.id}&action=category.deleted`,
      });
      assert.equal(audit.json().items[0].before.reassignedTo, target.id);
      assert.equal(find(await tree(), child.id), undefined);
    });

    test('filing a product checks the category; unfiling sets none; both audited', async () => {
      const id = await product('Teapot');
      const res = await owner.request({
        method: 'PUT',
        url: `/api/admin/stores/tree/products/${id}/category`,
        payload: { categoryId: 'cat_01jzzzzzzzzzzzzzzzzzzzzzzz' },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'unknown_category');
      const kitchenware = await create('Kitchenware');
      assert.equal((await file(id, kitchenware.id)).product.categoryId, kitchenware.id);
      assert.equal((await file(id, null)).product.categoryId, null);
      const audit = await owner.request({
        method: 'GET',
        url: `/api/admin/stores/tree/audit?entityId=${id}`,
      });
      assert.ok(audit.json().items.length >= 3, 'created + filed + unfiled');
    });
  });
}
