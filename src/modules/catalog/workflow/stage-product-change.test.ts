import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { type CatalogWriter, createProduct, getProduct } from '../products.ts';
import { publishProduct } from './publishing.ts';
import { approveRevision, submitForReview } from './review-steps.ts';
import { findOpenRevision } from './revision-store.ts';
import { revertStagingStep, stageProductChange } from './stage-product-change.ts';

/** What an AppError refusal says (code and status), for assert.rejects. */
const refusal = (status: number, code: string) => (err: unknown) =>
  err instanceof AppError && err.status === status && err.code === code;

for (const target of testDatabaseTargets()) {
  describe(`stageProductChange (the entry point for every path that changes live products) on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    const importer = { ...systemActor('csv import'), label: 'csv import' };
    const publisher: CatalogWriter = { actor: systemActor('reviewer'), canPublish: true };
    const auditOf = async (productId: string) =>
      database.execute<{ action: string; before: unknown; after: Record<string, unknown> | null }>(
        "select action, before, after from audit_log where entity_id = $1 and action like 'product.revision%' order by at, id",
        [productId],
      );

    before(async () => {
      database = await target.create();
      store = await createStore(database.db, systemActor('test'), {
        handle: 'staging',
        name: 'Staging',
        baseCurrency: 'EUR',
        locales: ['en', 'fr'],
      });
    });
    after(async () => {
      await database.close();
    });

    const live = (title: string, extra: Record<string, unknown> = {}) =>
      createProduct(database.db, publisher, store, {
        title,
        price: { amount: 1500 },
        tags: ['tea'],
        status: 'active',
        ...extra,
      });
    const stage = (
      productId: string,
      change: Parameters<typeof stageProductChange>[1]['change'],
      auditContext?: Record<string, unknown>,
    ) =>
      database.db.transaction((tx) =>
        stageProductChange(tx, { store, product: productId, actor: importer, change, auditContext }),
      );

    test('the first change opens a staged revision, later ones add to it; the live product never changes', async () => {
      const tea = await live('Green tea');
      const first = await stage(
        tea.product.id,
        { title: 'Sencha green tea', price: { amount: 1700 } },
        { importId: 'imp_1' },
      );
      assert.equal(first.changed, true);
      assert.equal(first.revision?.kind, 'staged');
      assert.equal(first.revision?.state, 'draft');
      assert.deepEqual(Object.keys(first.revision!.changes!), ['title', 'variants']);
      assert.equal(first.proposed.title, 'Sencha green tea');

      // A relative change sees what is proposed so far (here: the staged title's tags, the live ones).
      const second = await stage(tea.product.id, ({ proposed }) => ({ tags: [...proposed.tags, 'sencha'] }));
      assert.equal(second.revision?.id, first.revision?.id, 'the same revision');
      assert.deepEqual(second.proposed.tags, ['tea', 'sencha']);
      // Nothing new: nothing written, nothing audited.
      const again = await stage(tea.product.id, { tags: ['tea', 'sencha'] });
      assert.equal(again.changed, false);
      const nothing = await stage(tea.product.id, () => null);
      assert.equal(nothing.changed, false);

      const stored = await getProduct(database.db, store.id, tea.product.id);
      assert.equal(stored.product.title, 'Green tea');
      assert.equal(stored.variants[0]!.priceAmount, 1500);
      assert.deepEqual(stored.product.tags, ['tea']);
      const audit = await auditOf(tea.product.id);
      assert.deepEqual(
        audit.map((a) => a.action),
        ['product.revision_staged', 'product.revision_updated'],
      );
      assert.equal(audit[0]!.after!.importId, 'imp_1', 'the audit context is kept with the step');
      const events = await database.execute<{ n: number }>(
        "select count(*)::int as n from outbox_events where payload->>'id' = $1 and type <> 'product.created'",
        [tea.product.id],
      );
      assert.equal(Number(events[0]!.n), 0, 'staging emits no event');
    });

    test('a change to what is in review or approved sends it back to draft; what is approved is what gets published', async () => {
      const tea = await live('Black tea');
      await stage(tea.product.id, { vendor: 'Assam Estates' });
      await submitForReview(
        database.db,
        { actor: importer, canPublish: false },
        store.id,
        tea.product.id,
        {},
      );
      await approveRevision(database.db, publisher, store.id, tea.product.id, {});
      const changed = await stage(tea.product.id, { productType: 'Loose leaf' });
      assert.equal(changed.revision?.state, 'draft');
      assert.equal(changed.revision?.approvedFingerprint, null);
      await submitForReview(
        database.db,
        { actor: importer, canPublish: false },
        store.id,
        tea.product.id,
        {},
      );
      await approveRevision(database.db, publisher, store.id, tea.product.id, {});
      const published = await publishProduct(database.db, publisher, store.id, tea.product.id);
      assert.deepEqual(
        [published.product.vendor, published.product.productType],
        ['Assam Estates', 'Loose leaf'],
      );
      assert.equal(await findOpenRevision(database.db, tea.product.id), null);
    });

    test('translations are staged per locale, checked like a PUT', async () => {
      const tea = await live('White tea');
      const staged = await stage(tea.product.id, { translations: { fr: { title: 'Thé blanc' } } });
      assert.deepEqual(staged.revision?.changes?.translations, {
        fr: [{ entityId: tea.product.id, field: 'title', value: 'Thé blanc' }],
      });
      await assert.rejects(
        stage(tea.product.id, { translations: { de: { title: 'Weißer Tee' } } }),
        refusal(422, 'locale_not_enabled'),
      );
      await assert.rejects(
        stage(tea.product.id, { translations: { en: { title: 'White tea' } } }),
        refusal(422, 'default_locale'),
      );
      // Back to what is live: the locale leaves the revision.
      const back = await stage(tea.product.id, { translations: { fr: {} } });
      assert.equal(back.revision?.changes?.translations, undefined);
    });

    test('refusals write nothing: a draft (nothing to stage), a status, an unknown category, a bad edit', async () => {
      const draft = await createProduct(database.db, publisher, store, {
        title: 'Oolong',
        price: { amount: 900 },
      });
      await assert.rejects(stage(draft.product.id, { title: 'x' }), refusal(409, 'not_staged'));
      const tea = await live('Rooibos');
      await assert.rejects(
        stage(tea.product.id, { status: 'draft' } as Parameters<typeof stage>[1]),
        refusal(422, 'status_not_staged'),
      );
      await assert.rejects(
        stage(tea.product.id, { categoryId: 'cat_nothere' }),
        refusal(422, 'unknown_category'),
      );
      await assert.rejects(
        stage(tea.product.id, { variants: [{ optionValues: ['Large'], price: { amount: 1 } }] }),
        (err: unknown) => err instanceof AppError && err.status === 422,
      );
      assert.equal(await findOpenRevision(database.db, tea.product.id), null);
      assert.deepEqual(await auditOf(tea.product.id), []);
    });

    test('revertStagingStep takes one step back, unless the revision moved on since', async () => {
      const tea = await live('Earl Grey');
      await stage(tea.product.id, { title: 'Earl Grey, bergamot' });
      await stage(tea.product.id, { vendor: 'Twinings' }, { importId: 'imp_2' });
      const [first, second] = await auditOf(tea.product.id);
      const reverted = await database.db.transaction((tx) =>
        revertStagingStep(tx, { store, product: tea.product.id, actor: importer, step: second! }),
      );
      assert.deepEqual(Object.keys(reverted.changes!), ['title']);
      // Now the revision holds what the first step left: taking that one back closes the revision.
      const closed = await database.db.transaction((tx) =>
        revertStagingStep(tx, { store, product: tea.product.id, actor: importer, step: first! }),
      );
      assert.equal(closed.state, 'discarded');
      // Again: the revision is gone, so there is nothing of that step left to take back.
      await assert.rejects(
        database.db.transaction((tx) =>
          revertStagingStep(tx, { store, product: tea.product.id, actor: importer, step: first! }),
        ),
        refusal(409, 'changed_since'),
      );
      // A step the revision has moved on from is left alone.
      await stage(tea.product.id, { title: 'Lady Grey' });
      await stage(tea.product.id, { vendor: 'Ahmad' });
      const [, , , , moved] = await auditOf(tea.product.id);
      assert.equal(moved!.action, 'product.revision_staged');
      await assert.rejects(
        database.db.transaction((tx) =>
          revertStagingStep(tx, { store, product: tea.product.id, actor: importer, step: moved! }),
        ),
        refusal(409, 'changed_since'),
      );
    });
  });
}
