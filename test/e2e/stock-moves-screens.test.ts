// An operations person in real Chromium: a variant running low rings the bell (one unread; opening
// it lists "Running low…" and its link opens that variant's stock drawer); they move 4 units from the
// warehouse to the 3PL (draft, ship, a receipt larger than what was shipped refused on its line, then
// the rest received) and the levels follow; they count 7 of a variant with 10 on hand, read the
// variance of −3 and apply it. Screenshots of the bell, the transfer and the variance go to scratch/screens/.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordMovements, updateInventoryItem } from '../../src/modules/inventory/index.ts';
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
/** For the bell's clipped screenshot; the others are taken by screenshotScreen. */
const shots = new URL('../../scratch/screens/', import.meta.url).pathname;
const api = '/api/admin/stores/fell-moves';

for (const target of testDatabaseTargets()) {
  describe(`transfer, count and notification screens in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let store: { id: string; baseCurrency: string };
    let warehouse: { id: string };
    let thirdParty: { id: string };
    let mug: string;
    let lantern: string;
    let board: string;
    const nav = (name: string) => storeNavLink(page, name);
    const shot = (name: string) => screenshotScreen(page, `${name}-${target.kind}`);
    /** Moves stock as the app does and lets the dispatcher hand the events to the alert consumer. */
    const move = async (variantId: string, locationId: string, quantity: number) => {
      await admin.database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          {
            variantId,
            locationId,
            kind: quantity > 0 ? 'receive' : 'adjustment',
            reason: quantity > 0 ? null : 'lost',
            quantity,
          },
        ]),
      );
      while ((await admin.sp.dispatcher.dispatchOnce()).dispatched > 0);
    };
    /** On hand of a variant per location id, as the API reports it. */
    const onHandOf = async (variantId: string): Promise<Record<string, number>> => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/variants/${variantId}` });
      assert.equal(res.statusCode, 200, res.body);
      const locations = res.json().stock.locations as { locationId: string; onHand: number }[];
      return Object.fromEntries(locations.map((l) => [l.locationId, l.onHand]));
    };

    before(async () => {
      mkdirSync(shots, { recursive: true });
      admin = await startAdminInChromium(target);
      const { database } = admin;
      store = await makeStore(database, 'fell-moves', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      warehouse = await makeLocation(database, store.id, 'Fell warehouse');
      thirdParty = await makeLocation(database, store.id, 'Kendal 3PL', { kind: '3pl', priority: 1 });
      [mug] = (await makeVariants(database, store, 1, { title: 'Oat Mug' })) as [string];
      [lantern] = (await makeVariants(database, store, 1, { title: 'Flint Lantern' })) as [string];
      [board] = (await makeVariants(database, store, 1, { title: 'Birch Board' })) as [string];
      await database.db.transaction((tx) => updateInventoryItem(tx, store.id, mug, { lowStockThreshold: 5 }));
      await move(mug, warehouse.id, 10);
      await move(lantern, warehouse.id, 10);
      await move(board, warehouse.id, 10);
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('running low rings the bell; opening it marks it seen and its link opens the variant', async () => {
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      await move(mug, warehouse.id, -7);
      await page.reload();
      const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
      await bell.waitFor();
      await page.screenshot({
        path: `${shots}bell-unread-${target.kind}.png`,
        clip: { x: 880, y: 0, width: 400, height: 60 },
      });
      await bell.click();
      const popover = page.getByRole('dialog', { name: 'Notifications' });
      const link = popover.getByRole('link', { name: 'Running low: Oat Mug (3 left)' });
      await link.waitFor();
      await popover.getByText('threshold is 5', { exact: false }).waitFor();
      await shot('bell');
      // Opening it moved the cursor: nothing unread any more (the notification stays open).
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      await link.click();
      await page.getByRole('dialog', { name: 'Variant stock' }).waitFor();
      assert.match(page.url(), new RegExp(`/admin/stores/fell-moves/inventory\\?variant=${mug}`));
      await page.keyboard.press('Escape');
    });

    test('a transfer of 4 units: draft, ship, a receipt beyond what was shipped refused, received', async () => {
      await nav('Transfers').click();
      await page.getByText('No transfers yet.').waitFor();
      await page.getByRole('button', { name: 'New transfer' }).click();
      const form = page.getByRole('dialog', { name: 'New transfer' });
      await form.getByLabel('From').click();
      await page.getByRole('option', { name: 'Fell warehouse' }).click();
      await form.getByLabel('To').click();
      await page.getByRole('option', { name: 'Kendal 3PL' }).click();
      await form.getByLabel('Add a variant').fill('Lantern');
      await page.getByRole('option', { name: /Flint Lantern/ }).click();
      await form.getByLabel('Quantity of Flint Lantern').fill('4');
      await form.getByRole('button', { name: 'Create draft' }).click();

      await page.getByRole('heading', { name: 'TR-1001' }).waitFor();
      await page.getByRole('button', { name: 'Ship' }).click();
      const receive = page.getByLabel('Receive Flint Lantern');
      await eventually(
        () => receive.inputValue(),
        (v) => v === '4',
        'the receipt defaults to what is on its way',
      );
      assert.deepEqual(await onHandOf(lantern), { [warehouse.id]: 6, [thirdParty.id]: 0 });

      await receive.fill('9');
      await page.getByRole('button', { name: 'Receive', exact: true }).click();
      await page
        .getByRole('table', { name: 'Transfer lines' })
        .getByText('More units than are still on their way for this line.')
        .waitFor();
      await receive.fill('4');
      await shot('transfer');
      await page.getByRole('button', { name: 'Receive', exact: true }).click();
      await page.getByText('Received', { exact: true }).first().waitFor();
      const rows = await eventually(
        () => tableRows(page.getByRole('table', { name: 'Transfer lines' })),
        (r) => r[0]?.[3] === '4',
        'received 4',
      );
      assert.deepEqual(rows, [['Flint Lantern', rows[0]![1]!, '4', '4']]);
      assert.deepEqual(await onHandOf(lantern), { [warehouse.id]: 6, [thirdParty.id]: 4 });

      await nav('Transfers').click();
      const list = await eventually(
        () => tableRows(page.getByRole('table', { name: 'Transfers' })),
        // The list may first show what it read before the receipt, then its refetch.
        (r) => r.length === 1 && r[0]?.[4] === '4',
        'one transfer listed, received',
      );
      assert.deepEqual(list[0]!.slice(0, 6), [
        'TR-1001',
        'Fell warehouse',
        'Kendal 3PL',
        '4',
        '4',
        'RECEIVED', // the badge's text as shown (upper case)
      ]);
    });

    test('a count of 7 where 10 are on hand: variance −3, applied, on hand 7', async () => {
      await nav('Counts').click();
      await page.getByRole('button', { name: 'New count' }).click();
      const form = page.getByRole('dialog', { name: 'New count' });
      await form.getByLabel('Location').click();
      await page.getByRole('option', { name: 'Fell warehouse' }).click();
      await form.getByRole('button', { name: 'Start count' }).click();

      await page.getByRole('heading', { name: 'CNT-1001' }).waitFor();
      const sheet = page.getByRole('table', { name: 'Count sheet' });
      const counted = page.getByLabel('Counted Birch Board');
      await counted.fill('7');
      await page.getByRole('button', { name: 'Save counts' }).click();
      const boardRow = async () => (await tableRows(sheet)).find((r) => r[0] === 'Birch Board');
      const row = await eventually(boardRow, (r) => r?.[5] === '\u22123', 'variance of the board');
      assert.deepEqual(row!.slice(2), ['10', '7', '10', '\u22123', '—']);
      await page.getByText('Counted 1 of 3').waitFor();
      await shot('count-variance');

      await page.getByRole('button', { name: 'Apply count' }).click();
      await page
        .getByRole('dialog', { name: 'Apply CNT-1001?' })
        .getByRole('button', { name: 'Apply count' })
        .click();
      await page.getByText('Applied', { exact: true }).first().waitFor();
      assert.equal((await onHandOf(board))[warehouse.id], 7);
      // The other lines were not counted, so they are left alone.
      assert.equal((await onHandOf(lantern))[warehouse.id], 6);
    });
  });
}
