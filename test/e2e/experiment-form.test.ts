// The experiment definition form in Chromium: a marketer defines a product-text test on a product
// found with the picker, mobile only, 30/70, with refunds as a guardrail, and the server stores exactly
// that; a shown banner without a text is refused on the variant's text field and nothing is written;
// a draft's weights are changed through Edit, and once the test ran its key and point stay while its
// names may still change. Screenshots of the form, the refusal and the edit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/testbed';

interface StoredExperiment {
  id: string;
  key: string;
  name: string;
  hypothesis: string;
  point: string;
  status: string;
  variants: { key: string; name: string; weight: number; change: Record<string, unknown> }[];
  targeting: Record<string, unknown>;
  primaryMetric: string;
  secondaryMetrics: string[];
  guardrailMetrics: string[];
  startsAt: string | null;
  stopsAt: string | null;
}

for (const target of testDatabaseTargets()) {
  describe(`the experiment form in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let lampId: string;

    const stored = async (): Promise<StoredExperiment[]> => {
      const res = await owner.request({ method: 'GET', url: `${api}/experiments` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    };
    const makeProduct = async (title: string, sku: string) => {
      const res = await owner.request({
        method: 'POST',
        url: `${api}/products`,
        payload: { title, description: `${title}, made by hand.`, price: { amount: 4000 }, sku },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product.id as string;
    };
    const row = (name: string) => page.getByTestId('experiment-row').filter({ hasText: name });
    const variant = (dialog: Locator, n: number) =>
      dialog.getByRole('group', { name: n === 1 ? 'Variant 1 (control)' : `Variant ${n}` });
    const modalBody = () => page.locator('.mantine-Modal-content');
    const choose = async (dialog: Locator, label: string, option: string) => {
      await dialog.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option }).click();
    };

    before(async () => {
      admin = await startAdminInChromium(target);
      const store = await makeStore(admin.database, 'testbed', 'EUR');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(admin.database, store.id, 'owner')).email);
      lampId = await makeProduct('Brass Lamp', 'LAMP-BR');
      await makeProduct('Oat Mug', 'MUG-OAT');
      page = await admin.signIn(await makeMember(admin.database, store.id, 'marketing'));
      await page.goto(`${admin.base}/admin/stores/testbed`);
      await storeNavLink(page, 'Experiments').click();
    });
    after(async () => {
      await page?.close();
      await admin?.close();
    });

    test('a product-text test, mobile only, 30/70: the server stores what the form shows', async () => {
      await page.getByRole('button', { name: 'New experiment' }).click();
      const dialog = page.getByRole('dialog', { name: 'New experiment' });
      await dialog.getByLabel('Name', { exact: true }).first().fill('Lamp title: hand-polished');
      assert.equal(
        await dialog.getByLabel('Key').inputValue(),
        'lamp-title-hand-polished',
        'key from the name',
      );
      await dialog.getByLabel('Hypothesis').fill('Saying how it is made sells more lamps.');
      await choose(dialog, 'Part of the storefront', 'Product title and description');
      await dialog.getByRole('combobox', { name: 'Product' }).fill('Brass');
      await page.getByRole('option', { name: 'Brass Lamp' }).click();
      await dialog.getByText('Brass Lamp', { exact: true }).waitFor();

      await variant(dialog, 1).getByLabel('Weight').fill('30');
      const polished = variant(dialog, 2);
      await polished.getByLabel('Name', { exact: true }).fill('Hand-polished');
      await polished.getByLabel('Weight').fill('70');
      await eventually(
        () => polished.getByLabel('Title').getAttribute('placeholder'),
        (placeholder) => placeholder === 'Brass Lamp',
        'the product’s own title shown where a variant keeps it',
      );
      await polished.getByLabel('Title').fill('Brass Lamp, hand-polished');
      assert.deepEqual(await dialog.getByTestId('variant-share').allTextContents(), ['30 %', '70 %']);
      await dialog.getByRole('checkbox', { name: 'Mobile' }).check();
      await dialog.getByRole('combobox', { name: 'Guardrail metrics' }).fill('refund');
      await page.getByRole('option', { name: /^Refund rate/ }).click();
      await dialog.getByRole('heading', { name: 'How it is judged' }).click();
      await screenshotScreen(page, `experiment-form-product-text-${target.kind}`, {
        height: 2300,
        scrollToTop: modalBody(),
      });
      await dialog.getByRole('button', { name: 'Save as draft' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const [experiment] = await stored();
      assert.deepEqual(
        {
          key: experiment!.key,
          name: experiment!.name,
          hypothesis: experiment!.hypothesis,
          point: experiment!.point,
          status: experiment!.status,
          variants: experiment!.variants,
          targeting: experiment!.targeting,
          metrics: [experiment!.primaryMetric, experiment!.secondaryMetrics, experiment!.guardrailMetrics],
          window: [experiment!.startsAt, experiment!.stopsAt],
        },
        {
          key: 'lamp-title-hand-polished',
          name: 'Lamp title: hand-polished',
          hypothesis: 'Saying how it is made sells more lamps.',
          point: 'product_text',
          status: 'draft',
          variants: [
            { key: 'control', name: 'Control', weight: 30, change: { productId: lampId } },
            {
              key: 'hand-polished',
              name: 'Hand-polished',
              weight: 70,
              change: { productId: lampId, title: 'Brass Lamp, hand-polished' },
            },
          ],
          targeting: { audience: 'all', devices: ['mobile'] },
          metrics: ['conversion_rate', [], ['refund_rate']],
          window: [null, null],
        },
      );
      const listed = await eventually(
        () => row('Lamp title: hand-polished').textContent(),
        (text) => /draft/.test(text ?? ''),
        'the draft listed',
      );
      assert.match(listed ?? '', /lamp-title-hand-polished · mobile/);
      assert.match(listed ?? '', /Control 30 % · Hand-polished 70 %/);
    });

    test('a shown banner without a text: refused on that variant’s text field, nothing written', async () => {
      await page.getByRole('button', { name: 'New experiment' }).click();
      const dialog = page.getByRole('dialog', { name: 'New experiment' });
      await dialog.getByLabel('Name', { exact: true }).first().fill('Free shipping banner');
      await choose(dialog, 'Part of the storefront', 'Announcement banner');
      const banner = variant(dialog, 2);
      await banner.getByLabel('Link').fill('/collections/lamps');
      await dialog.getByRole('button', { name: 'Save as draft' }).click();

      const text = banner.getByLabel('Banner text');
      await eventually(
        () => text.getAttribute('aria-invalid'),
        (invalid) => invalid === 'true',
        'the text field marked',
      );
      await banner.getByText('a shown banner has a text').waitFor();
      assert.equal(
        await variant(dialog, 1).locator('[aria-invalid="true"]').count(),
        0,
        'the control is fine',
      );
      await screenshotScreen(page, `experiment-form-refused-${target.kind}`, { height: 1800 });
      assert.deepEqual(
        (await stored()).map((e) => e.key),
        ['lamp-title-hand-polished'],
        'nothing written',
      );

      // Corrected, it saves.
      await text.fill('Free shipping on lamps this week');
      await dialog.getByRole('button', { name: 'Save as draft' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const banners = (await stored()).filter((e) => e.key === 'free-shipping-banner');
      assert.deepEqual(
        banners[0]?.variants.map((v) => v.change),
        [
          { show: false },
          { show: true, text: 'Free shipping on lamps this week', link: '/collections/lamps' },
        ],
      );
    });

    test('a draft’s weights change through Edit; once it ran, its key and point stay and its names change', async () => {
      const draftRow = row('Lamp title: hand-polished');
      await draftRow.getByRole('button', { name: 'Edit' }).click();
      let dialog = page.getByRole('dialog', { name: 'Edit Lamp title: hand-polished' });
      assert.equal(await variant(dialog, 2).getByLabel('Title').inputValue(), 'Brass Lamp, hand-polished');
      assert.equal(await dialog.getByRole('checkbox', { name: 'Mobile' }).isChecked(), true);
      await variant(dialog, 1).getByLabel('Weight').fill('1');
      await variant(dialog, 2).getByLabel('Weight').fill('3');
      assert.deepEqual(await dialog.getByTestId('variant-share').allTextContents(), ['25 %', '75 %']);
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const changed = (await stored()).find((e) => e.key === 'lamp-title-hand-polished')!;
      assert.deepEqual(
        changed.variants.map((v) => [v.key, v.weight, v.change.title]),
        [
          ['control', 1, undefined],
          ['hand-polished', 3, 'Brass Lamp, hand-polished'],
        ],
      );
      assert.deepEqual(changed.targeting, { audience: 'all', devices: ['mobile'] }, 'the rest kept');
      await eventually(
        () => draftRow.textContent(),
        (text) => /Control 25 % · Hand-polished 75 %/.test(text ?? ''),
        'the new split listed',
      );

      await draftRow.getByRole('button', { name: 'Start' }).click();
      await eventually(
        () => draftRow.textContent(),
        (t) => /running/.test(t ?? ''),
        'running',
      );
      await draftRow.getByRole('button', { name: 'Edit' }).click();
      dialog = page.getByRole('dialog', { name: 'Edit Lamp title: hand-polished' });
      assert.equal(await dialog.getByLabel('Key').isDisabled(), true, 'the key stays');
      assert.equal(await dialog.getByRole('combobox', { name: 'Part of the storefront' }).isDisabled(), true);
      assert.equal(await dialog.getByRole('button', { name: 'Add variant' }).count(), 0, 'the variants stay');
      await variant(dialog, 2).getByLabel('Name', { exact: true }).fill('Polished by hand');
      await screenshotScreen(page, `experiment-form-running-${target.kind}`, {
        height: 2300,
        scrollToTop: modalBody(),
      });
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const running = (await stored()).find((e) => e.key === 'lamp-title-hand-polished')!;
      assert.deepEqual(
        running.variants.map((v) => [v.key, v.name]),
        [
          ['control', 'Control'],
          ['hand-polished', 'Polished by hand'],
        ],
      );
      assert.equal(running.status, 'running');
      await eventually(
        () => draftRow.textContent(),
        (t) => /Polished by hand/.test(t ?? ''),
        'renamed',
      );
      await screenshotScreen(page, `experiment-form-list-${target.kind}`);
    });
  });
}
