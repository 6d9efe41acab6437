// An operations person edits a draft transfer in real Chromium before shipping it: the lantern goes
// from 4 to 6, a candle is added with the variant picker, the mug is removed and the note changes. A
// quantity of 0 is refused on its line and nothing is saved; a line the server refuses (its variant's
// stock stopped being tracked meanwhile) shows the server's words on that line and nothing is saved
// either. Once saved and shipped, the transfer carries the edited lines and the stock left the
// warehouse accordingly. Screenshots: scratch/screens/transfer-edit-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordMovements } from '../../src/modules/inventory/index.ts';
import {
  inventoryTestActor as actor,
  makeLocation,
  makeVariants,
} from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/fell-edits';

for (const target of testDatabaseTargets()) {
  describe(`editing a draft transfer in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let warehouse: { id: string };
    let thirdParty: { id: string };
    let lantern: string;
    let mug: string;
    let board: string;
    let candle: string;
    let transferId: string;
    const shot = (name: string) => screenshotScreen(page, `transfer-edit-${name}-${target.kind}`);
    const lines = () => page.getByRole('table', { name: 'Transfer lines' });
    const quantityOf = (label: string) => page.getByLabel(`Quantity of ${label}`);
    /** The draft's lines as the API has them: [variant id, quantity], in its order. */
    const savedLines = async (): Promise<[string, number][]> => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/transfers/${transferId}` });
      assert.equal(res.statusCode, 200, res.body);
      return res
        .json()
        .transfer.lines.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity]);
    };
    const onHandOf = async (variantId: string): Promise<Record<string, number>> => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/variants/${variantId}` });
      assert.equal(res.statusCode, 200, res.body);
      const locations = res.json().stock.locations as { locationId: string; onHand: number }[];
      return Object.fromEntries(locations.map((l) => [l.locationId, l.onHand]));
    };

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'fell-edits', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      warehouse = await makeLocation(database, store.id, 'Fell warehouse');
      thirdParty = await makeLocation(database, store.id, 'Kendal 3PL', { kind: '3pl', priority: 1 });
      [lantern] = (await makeVariants(database, store, 1, { title: 'Flint Lantern' })) as [string];
      [mug] = (await makeVariants(database, store, 1, { title: 'Oat Mug' })) as [string];
      [board] = (await makeVariants(database, store, 1, { title: 'Birch Board' })) as [string];
      [candle] = (await makeVariants(database, store, 1, { title: 'Wax Candle' })) as [string];
      await database.db.transaction((tx) =>
        recordMovements(
          tx,
          store.id,
          actor,
          [lantern, mug, board, candle].map((variantId) => ({
            variantId,
            locationId: warehouse.id,
            kind: 'receive' as const,
            quantity: 10,
          })),
        ),
      );
      const created = await owner.request({
        method: 'POST',
        url: `${api}/inventory/transfers`,
        payload: {
          fromLocationId: warehouse.id,
          toLocationId: thirdParty.id,
          lines: [
            { variantId: lantern, quantity: 4 },
            { variantId: mug, quantity: 2 },
            { variantId: board, quantity: 3 },
          ],
          note: 'Weekly top-up',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      transferId = created.json().transfer.id;
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('a draft opens for editing with its lines and note', async () => {
      await storeNavLink(page, 'Transfers').click();
      await page.getByRole('link', { name: 'TR-1001' }).click();
      await page.getByRole('heading', { name: 'TR-1001' }).waitFor();
      await page.getByText('Weekly top-up', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();

      await page.getByRole('button', { name: 'Save changes' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Ship' }).count(), 0, 'no shipping while editing');
      const rows = await tableRows(lines());
      assert.deepEqual(
        rows.map((r) => [r[0], r[2]]),
        [
          ['Flint Lantern', '4'],
          ['Oat Mug', '2'],
          ['Birch Board', '3'],
        ],
      );
      assert.equal(await page.getByLabel('Note').inputValue(), 'Weekly top-up');
    });

    test('a quantity of 0 is refused on its line and nothing is saved', async () => {
      await quantityOf('Flint Lantern').fill('6');
      await page.getByRole('combobox', { name: 'Add a variant' }).fill('Candle');
      await page.getByRole('option', { name: /^Wax Candle/ }).click();
      await quantityOf('Wax Candle').fill('5');
      await page.getByRole('button', { name: 'Remove Oat Mug' }).click();
      await page.getByLabel('Note').fill('Top-up for the weekend');
      await quantityOf('Birch Board').fill('0');
      await page.getByRole('button', { name: 'Save changes' }).click();

      await lines().getByText('At least 1.').waitFor();
      assert.equal(await quantityOf('Birch Board').getAttribute('aria-invalid'), 'true');
      assert.equal(await quantityOf('Flint Lantern').getAttribute('aria-invalid'), null);
      await shot('bad-quantity');
      assert.deepEqual(await savedLines(), [
        [lantern, 4],
        [mug, 2],
        [board, 3],
      ]);
    });

    test('a line the server refuses shows its words on that line, and nothing is saved', async () => {
      await quantityOf('Birch Board').fill('3');
      // Meanwhile someone stops tracking the board's stock: a transfer cannot move it any more.
      const untrack = await owner.request({
        method: 'PATCH',
        url: `${api}/inventory/variants/${board}`,
        payload: { tracked: false },
      });
      assert.equal(untrack.statusCode, 200, untrack.body);
      await page.getByRole('button', { name: 'Save changes' }).click();

      await lines().getByText('stock is not tracked', { exact: false }).waitFor();
      assert.equal(await quantityOf('Birch Board').getAttribute('aria-invalid'), 'true');
      assert.equal(await quantityOf('Wax Candle').getAttribute('aria-invalid'), null);
      await shot('server-refusal');
      assert.deepEqual(await savedLines(), [
        [lantern, 4],
        [mug, 2],
        [board, 3],
      ]);
    });

    test('saved without the board, then shipped: the transfer carries the edited lines', async () => {
      await page.getByRole('button', { name: 'Remove Birch Board' }).click();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('button', { name: 'Ship' }).waitFor();
      assert.deepEqual(await savedLines(), [
        [lantern, 6],
        [candle, 5],
      ]);
      await page.getByText('Top-up for the weekend', { exact: false }).waitFor();
      assert.deepEqual(
        (await tableRows(lines())).map((r) => [r[0], r[2]]),
        [
          ['Flint Lantern', '6'],
          ['Wax Candle', '5'],
        ],
      );
      await shot('saved');

      await page.getByRole('button', { name: 'Ship' }).click();
      await page.getByRole('button', { name: 'Receive', exact: true }).waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Edit', exact: true }).count(),
        0,
        'a shipped transfer is not edited',
      );
      const shipped = await eventually(
        () => tableRows(lines()),
        (r) => r.length === 2 && r.every((cells) => cells.length === 5),
        'the lines to receive',
      );
      assert.deepEqual(
        shipped.map((r) => [r[0], r[2], r[4]]),
        [
          ['Flint Lantern', '6', '6'],
          ['Wax Candle', '5', '5'],
        ],
      );
      assert.deepEqual(await onHandOf(lantern), { [warehouse.id]: 4, [thirdParty.id]: 0 });
      assert.deepEqual(await onHandOf(candle), { [warehouse.id]: 5, [thirdParty.id]: 0 });
      // The mug was taken off the transfer: it never left the warehouse.
      assert.equal((await onHandOf(mug))[warehouse.id], 10);
      await shot('shipped');
    });
  });
}
