// Campaigns through the API: created, changed and deleted with an audit row each, refused with a
// code for bad input and without the permission, their tagged link, pacing from imported and
// manual spend, and the manual spend entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { auditLog } from '../access/schema.ts';
import { marketingAdSpend, marketingCampaigns } from './schema.ts';

const actor = systemActor('campaigns test');
const summer = {
  name: 'Summer linen',
  channel: 'Paid Social',
  startsOn: '2024-06-01',
  endsOn: '2024-06-30',
  budget: 300_000,
  budgetPeriod: 'total',
  utmSource: 'facebook',
  utmMedium: 'paid',
  landingUrl: 'https://linen.example/collections/summer?sort=new',
};

for (const target of testDatabaseTargets()) {
  describe(`campaigns on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    const path = () => `/api/admin/stores/${store.id}/marketing/campaigns`;
    const audits = async (action: string) =>
      database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.storeId, store.id), eq(auditLog.action, action)));

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'campaigns',
        name: 'Linen',
        baseCurrency: 'EUR',
      });
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['marketing:read', 'marketing:write']));
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    let id = '';
    test('a campaign is created with a utm_campaign from its name and a tagged link, audited', async () => {
      const res = await api({ method: 'POST', url: path(), payload: summer });
      assert.equal(res.statusCode, 201, res.body);
      const campaign = res.json();
      id = campaign.id;
      assert.match(id, /^mcmp_/);
      assert.equal(campaign.utmCampaign, 'summer_linen');
      assert.equal(
        campaign.link,
        'https://linen.example/collections/summer?sort=new&utm_source=facebook&utm_medium=paid&utm_campaign=summer_linen',
      );
      const link = await api({ url: `${path()}/${id}/link` });
      assert.equal(link.json().url, campaign.link);
      const [audit] = await audits('marketing.campaign.create');
      assert.equal(audit?.entityId, id);
      assert.equal((audit!.after as { budget: number }).budget, 300_000);
    });

    test('without a landing page the link leads to the storefront’s home page', async () => {
      const res = await api({
        method: 'POST',
        url: path(),
        payload: {
          ...summer,
          name: 'Newsletter June',
          channel: 'Email',
          utmSource: 'newsletter',
          utmMedium: 'email',
          landingUrl: null,
          utmCampaign: 'june-news',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.match(
        res.json().link,
        /^http:\/\/[^/]+\/\?utm_source=newsletter&utm_medium=email&utm_campaign=june-news$/,
      );
    });

    test('bad input is a 400 with the field’s own code, and nothing is written', async () => {
      const count = async () => (await database.db.select().from(marketingCampaigns)).length;
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [{ ...summer, name: 'A', channel: 'Billboards' }, 'invalid_channel'],
        [{ ...summer, name: 'B', startsOn: '2024-07-01', endsOn: '2024-06-01' }, 'invalid_campaign_dates'],
        [{ ...summer, name: 'C', budget: -1 }, 'invalid_budget'],
        [{ ...summer, name: 'D', budgetPeriod: 'weekly' }, 'invalid_budget_period'],
        [{ ...summer, name: 'E', landingUrl: 'javascript:alert(1)' }, 'invalid_landing_url'],
        [{ ...summer, name: 'F', budget: 10.5 }, 'validation_failed'],
        [{ ...summer, name: 'G', startsOn: '1 June' }, 'validation_failed'],
      ];
      for (const [payload, code] of cases) {
        const res = await api({ method: 'POST', url: path(), payload });
        assert.equal(res.statusCode, 400, `${code}: ${res.body}`);
        assert.equal(res.json().error.code, code);
      }
      const taken = await api({ method: 'POST', url: path(), payload: { ...summer, name: 'SUMMER LINEN' } });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, 'campaign_exists');
      assert.equal(await count(), before);
    });

    test('a change is audited with before and after; a bad change leaves the campaign as it was', async () => {
      const res = await api({
        method: 'PUT',
        url: `${path()}/${id}`,
        payload: { ...summer, budget: 360_000 },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().budget, 360_000);
      const [audit] = await audits('marketing.campaign.update');
      assert.equal((audit!.before as { budget: number }).budget, 300_000);
      assert.equal((audit!.after as { budget: number }).budget, 360_000);
      const bad = await api({ method: 'PUT', url: `${path()}/${id}`, payload: { ...summer, budget: -5 } });
      assert.equal(bad.statusCode, 400);
      assert.equal((await api({ url: `${path()}/${id}` })).json().budget, 360_000);
      assert.equal((await api({ url: `${path()}/mcmp_missing` })).statusCode, 404);
    });

    test('manual spend: one day of one campaign, replaced when entered again, audited; pacing reads it', async () => {
      const enter = (payload: Record<string, unknown>) =>
        api({ method: 'POST', url: `/api/admin/stores/${store.id}/marketing/ad-spend/entries`, payload });
      for (const [day, amount] of [
        ['2024-06-01', 10_000],
        ['2024-06-02', 14_000],
        ['2024-06-02', 12_000],
      ] as const) {
        const res = await enter({ campaignId: id, day, amount });
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().channel, 'Paid Social');
      }
      const rows = await database.db
        .select()
        .from(marketingAdSpend)
        .where(eq(marketingAdSpend.storeId, store.id));
      assert.deepEqual(rows.map((r) => [r.campaign, r.day, r.spendInStoreCurrency]).sort(), [
        ['Summer linen', '2024-06-01', 10_000],
        ['Summer linen', '2024-06-02', 12_000],
      ]);
      const recorded = await audits('marketing.ad_spend.record');
      assert.equal(recorded.length, 3);
      assert.ok(recorded.some((a) => (a.before as { spend: number } | null)?.spend === 14_000));
      assert.equal(
        (await enter({ campaignId: id, day: '2024-06-03', amount: -1 })).json().error.code,
        'invalid_amount',
      );
      assert.equal((await enter({ day: '2024-06-03', amount: 5 })).json().error.code, 'campaign_required');
      assert.equal(
        (await enter({ campaign: 'Flyers', channel: 'Posters', day: '2024-06-03', amount: 5 })).json().error
          .code,
        'invalid_channel',
      );
      // Spend imported under the utm_campaign (any case) counts for the campaign too.
      await database.db.insert(marketingAdSpend).values({
        storeId: store.id,
        platform: 'meta_ads',
        campaign: 'SUMMER_LINEN',
        day: '2024-06-02',
        spend: 2_000,
        currency: 'EUR',
        spendInStoreCurrency: 2_000,
        channel: 'Paid Social',
      });
      // On 2 June: €240.00 of €3,600.00 spent in 2 of 30 days, €240.00 expected: on pace, projecting €3,600.00.
      const list = await api({ url: `${path()}?asOf=2024-06-02` });
      assert.equal(list.statusCode, 200, list.body);
      const campaign = list.json().campaigns.find((c: { id: string }) => c.id === id);
      assert.deepEqual(
        {
          spendToDate: campaign.pacing.spendToDate,
          expected: campaign.pacing.expectedToDate,
          projected: campaign.pacing.projectedSpend,
          status: campaign.pacing.status,
        },
        { spendToDate: 24_000, expected: 24_000, projected: 360_000, status: 'on_pace' },
      );
      // On the 6th nothing more was spent: 24,000 in 6 days projects 120,000, underspending.
      const later = (await api({ url: `${path()}?asOf=2024-06-06` })).json();
      const paced = later.campaigns.find((c: { id: string }) => c.id === id).pacing;
      assert.equal(paced.projectedSpend, 120_000);
      assert.equal(paced.status, 'underspending');
    });

    test('permissions: reading needs marketing:read, changes marketing:write', async () => {
      const reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['marketing:read']));
      const nobody = withApiKey(sp.app, await makeApiKey(database, store.id, ['analytics:read']));
      assert.equal((await nobody({ url: path() })).statusCode, 403);
      assert.equal((await reader({ url: path() })).statusCode, 200);
      assert.equal(
        (await reader({ method: 'POST', url: path(), payload: { ...summer, name: 'X' } })).statusCode,
        403,
      );
      assert.equal(
        (await reader({ method: 'PUT', url: `${path()}/${id}`, payload: summer })).statusCode,
        403,
      );
      assert.equal((await reader({ method: 'DELETE', url: `${path()}/${id}` })).statusCode, 403);
      const entry = await reader({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/marketing/ad-spend/entries`,
        payload: { campaignId: id, day: '2024-06-05', amount: 1 },
      });
      assert.equal(entry.statusCode, 403);
    });

    test('a deleted campaign is audited and gone; its spend stays', async () => {
      const res = await api({ method: 'DELETE', url: `${path()}/${id}` });
      assert.equal(res.statusCode, 204);
      assert.equal((await api({ url: `${path()}/${id}` })).statusCode, 404);
      const [audit] = await audits('marketing.campaign.delete');
      assert.equal((audit!.before as { name: string }).name, 'Summer linen');
      const spend = await database.db
        .select()
        .from(marketingAdSpend)
        .where(eq(marketingAdSpend.storeId, store.id));
      assert.equal(spend.length, 3);
    });
  });
}
