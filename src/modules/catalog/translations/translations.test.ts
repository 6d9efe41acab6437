import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';

for (const target of testDatabaseTargets()) {
  describe(`product translations on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let content: Browser;
    let viewer: Browser;
    let productId: string;
    let imageId: string;
    let otherId: string;
    const store = '/api/admin/stores/atelier';
    const translation = (locale: string, id = productId) => `${store}/products/${id}/translations/${locale}`;

    async function countRows(table: string): Promise<number> {
      const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${table}`);
      return Number(row?.n);
    }

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const created = await makeStore(database, 'atelier');
      owner = await Browser.signIn(sp.app, (await makeMember(database, created.id, 'owner')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, created.id, 'content')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, created.id, 'viewer')).email);
      const product = await owner.request({
        method: 'POST',
        url: `${store}/products`,
        payload: {
          title: 'Wool Scarf',
          description: '<p>Warm merino.</p>',
          seoTitle: 'Merino Wool Scarf',
          status: 'active',
          options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
          variants: [
            { optionValues: ['Red'], price: { amount: 4500 } },
            { optionValues: ['Blue'], price: { amount: 4500 } },
          ],
          images: [{ url: 'https://cdn.example.com/scarf.jpg', alt: 'A red scarf' }],
        },
      });
      assert.equal(product.statusCode, 201, product.body);
      productId = product.json().product.id;
      imageId = product.json().product.images[0].id;
      const other = await owner.request({
        method: 'POST',
        url: `${store}/products`,
        payload: { title: 'Wool Hat', price: { amount: 2500 }, status: 'active' },
      });
      otherId = other.json().product.id;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('store settings: enabled locales are BCP 47 tags, canonicalised, the default always among them, audited', async () => {
      const bad = await owner.request({
        method: 'PATCH',
        url: store,
        payload: { locales: ['fr', 'not a tag', 'en-u-ca-buddhist'] },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'validation_failed');
      const paths = bad.json().error.details.map((d: { path: string }) => d.path);
      assert.deepEqual(paths, ['body.locales.1', 'body.locales.2']);
      const twice = await owner.request({ method: 'PATCH', url: store, payload: { locales: ['fr', 'FR'] } });
      assert.equal(twice.statusCode, 400);

      const before = await owner.request({ method: 'GET', url: store });
      const set = await owner.request({ method: 'PATCH', url: store, payload: { locales: ['fr', 'de-ch'] } });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(
        set.json().store.locales,
        ['en', 'fr', 'de-CH'],
        'the default comes first, tags canonical',
      );
      assert.equal(
        set.json().store.timezone,
        before.json().store.timezone,
        'fields left out stay as they were',
      );
      assert.equal(set.json().store.locale, 'en');

      const denied = await content.request({ method: 'PATCH', url: store, payload: { locales: ['fr'] } });
      assert.equal(denied.statusCode, 403);

      const audit = await owner.request({ method: 'GET', url: `${store}/audit?action=store.updated` });
      const [entry] = audit.json().items;
      assert.deepEqual(entry.before.enabledLocales, []);
      assert.deepEqual(entry.after.enabledLocales, ['fr', 'de-CH']);
    });

    test('a new product is untranslated: every piece with text is missing', async () => {
      const res = await viewer.request({ method: 'GET', url: translation('fr') });
      assert.equal(res.statusCode, 200, res.body);
      const t = res.json().translation;
      assert.equal(t.locale, 'fr');
      assert.equal(t.defaultLocale, 'en');
      assert.deepEqual(t.fields.title, { source: 'Wool Scarf', value: null });
      assert.deepEqual(t.options[0].values[1], { source: 'Blue', value: null });
      assert.equal(t.images[0].alt.source, 'A red scarf');
      assert.deepEqual(t.missing, [
        'title',
        'description',
        'seoTitle',
        'options.0.name',
        'options.0.values.0',
        'options.0.values.1',
        'images.0.alt',
      ]);
      const status = await viewer.request({
        method: 'GET',
        url: `${store}/products/${productId}/translations`,
      });
      assert.deepEqual(
        status.json().locales.map((l: { locale: string; complete: boolean }) => [l.locale, l.complete]),
        [
          ['fr', false],
          ['de-CH', false],
        ],
      );
    });

    test('unknown, malformed, disabled and default locales are refused with their own codes', async () => {
      const cases: [string, number, string][] = [
        ['not_a_locale', 400, 'invalid_locale'],
        ['es', 422, 'locale_not_enabled'],
        ['en', 422, 'default_locale'],
      ];
      for (const [locale, status, code] of cases) {
        for (const method of ['GET', 'PUT'] as const) {
          const res = await owner.request({
            method,
            url: translation(locale),
            ...(method === 'PUT' ? { payload: { title: 'x' } } : {}),
          });
          assert.equal(res.statusCode, status, `${method} ${locale}: ${res.body}`);
          assert.equal(res.json().error.code, code);
        }
      }
      const unknownProduct = await owner.request({
        method: 'GET',
        url: translation('fr', 'prod_01jzzzzzzzzzzzzzzzzzzzzzzz'),
      });
      assert.equal(unknownProduct.statusCode, 404);
      assert.equal(await countRows('catalog_translations'), 0);
    });

    test('PUT replaces the locale’s translations, answers the new view, audits and announces', async () => {
      const eventsBefore = await countRows('outbox_events');
      const res = await owner.request({
        method: 'PUT',
        url: translation('FR'),
        payload: {
          title: 'Écharpe en laine',
          description: '<p>Mérinos chaud.</p>',
          seoTitle: '',
          handle: 'echarpe-en-laine',
          options: { Colour: { name: 'Couleur', values: { Red: 'Rouge', Blue: 'Bleu' } } },
          images: { [imageId]: 'Une écharpe rouge' },
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().staged, false, 'an owner changes the live translation');
      const t = res.json().translation;
      assert.equal(t.locale, 'fr', 'the locale in canonical form');
      assert.equal(t.fields.title.value, 'Écharpe en laine');
      assert.equal(t.fields.seoTitle.value, null, 'empty means not translated');
      assert.deepEqual(t.missing, ['seoTitle']);
      assert.equal(t.storefrontUrl, '/s/atelier/fr/products/echarpe-en-laine');
      assert.deepEqual((await viewer.request({ method: 'GET', url: translation('fr') })).json().translation, {
        ...t,
        staged: null,
      });

      const audit = await owner.request({
        method: 'GET',
        url: `${store}/audit?action=product.translated&entityId=${productId}`,
      });
      const [entry] = audit.json().items;
      assert.deepEqual(entry.before, { locale: 'fr', texts: {} });
      assert.equal(entry.after.texts.title, 'Écharpe en laine');
      assert.equal(entry.after.texts['option.value:["Colour","Blue"]'], 'Bleu');
      assert.equal(entry.after.texts[`${imageId}.alt`], 'Une écharpe rouge');
      assert.equal(await countRows('outbox_events'), eventsBefore + 1);
      const [event] = await database.execute<{ type: string; payload: { locale: string } }>(
        "select type, payload from outbox_events where type = 'product.translated'",
      );
      assert.equal(event?.payload.locale, 'fr');

      // What a PUT leaves out is no longer translated.
      const fewer = await owner.request({
        method: 'PUT',
        url: translation('fr'),
        payload: { title: 'Écharpe' },
      });
      assert.equal(fewer.statusCode, 200);
      assert.equal(fewer.json().translation.fields.description.value, null);
      assert.equal(fewer.json().translation.options[0].name.value, null);
      const second = await owner.request({
        method: 'GET',
        url: `${store}/audit?action=product.translated&entityId=${productId}`,
      });
      assert.equal(second.json().items[0].before.texts.description, '<p>Mérinos chaud.</p>');
      assert.deepEqual(second.json().items[0].after.texts, { title: 'Écharpe' });
    });

    test('the storefront shows a translation as soon as it is saved', async () => {
      const page = () => sp.app.inject({ url: `/s/atelier/de-ch/products/${'wool-scarf'}` });
      assert.match((await page()).body, /<h1>Wool Scarf<\/h1>/);
      const saved = await owner.request({
        method: 'PUT',
        url: translation('de-CH'),
        payload: { title: 'Wollschal' },
      });
      assert.equal(saved.statusCode, 200);
      assert.match((await page()).body, /<h1>Wollschal<\/h1>/, 'the change drops the cached page');
    });

    test('bad translations are refused with a field or code, and write nothing', async () => {
      const rows = await countRows('catalog_translations');
      const audits = await countRows('audit_log');
      const cases: [string, unknown, number, string][] = [
        ['unknown option', { options: { Size: { name: 'Taille' } } }, 422, 'unknown_option'],
        [
          'unknown value',
          { options: { Colour: { values: { Green: 'Vert' } } } },
          422,
          'unknown_option_value',
        ],
        ['unknown image', { images: { img_01jzzzzzzzzzzzzzzzzzzzzzzz: 'x' } }, 422, 'unknown_image'],
        ['bad handle', { handle: 'Pas Un Handle' }, 400, 'validation_failed'],
        ['title too long', { title: 'x'.repeat(256) }, 400, 'validation_failed'],
        ['unknown field', { colour: 'rouge' }, 400, 'validation_failed'],
        ['another product’s handle', { handle: 'wool-hat' }, 409, 'handle_taken'],
      ];
      for (const [label, payload, status, code] of cases) {
        const res = await owner.request({
          method: 'PUT',
          url: translation('fr'),
          payload: payload as object,
        });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const mine = await owner.request({
        method: 'PUT',
        url: translation('fr', otherId),
        payload: { handle: 'chapeau' },
      });
      assert.equal(mine.statusCode, 200);
      const clash = await owner.request({
        method: 'PUT',
        url: translation('fr'),
        payload: { handle: 'chapeau' },
      });
      assert.equal(clash.statusCode, 409, 'two products cannot share a handle in one locale');
      assert.equal(clash.json().error.code, 'handle_taken');
      assert.equal(await countRows('catalog_translations'), rows + 1);
      assert.equal(await countRows('audit_log'), audits + 1);
    });

    test('permissions: reading needs catalog:read, writing catalog:write (sessions and keys)', async () => {
      const denied = await viewer.request({ method: 'PUT', url: translation('fr'), payload: { title: 'x' } });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().error.code, 'permission_denied');
      // A content editor translates drafts directly; on a live product, as with every edit, the
      // translation is staged and a reviewer decides (see the staging test below).
      const draft = await owner.request({
        method: 'POST',
        url: `${store}/products`,
        payload: { title: 'Wool Mittens', price: { amount: 1900 } },
      });
      const draftId = draft.json().product.id;
      const ok = await content.request({
        method: 'PUT',
        url: translation('fr', draftId),
        payload: { title: 'Moufles' },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const rowsBefore = await countRows('catalog_translations');
      const live = await content.request({ method: 'PUT', url: translation('fr'), payload: { title: 'x' } });
      assert.equal(live.statusCode, 202, live.body);
      assert.equal(live.json().staged, true);
      assert.equal(await countRows('catalog_translations'), rowsBefore, 'nothing live changes');
      const discarded = await content.request({
        method: 'POST',
        url: `${store}/products/${productId}/revisions/${live.json().revision.id}/discard`,
      });
      assert.equal(discarded.statusCode, 200, discarded.body);
      assert.equal(
        (await owner.request({ method: 'DELETE', url: `${store}/products/${draftId}` })).statusCode,
        204,
      );
      const created = await database.execute<{ id: string }>(
        "select id from stores where handle = 'atelier'",
      );
      const readKey = await makeApiKey(database, created[0]!.id, ['store:read', 'catalog:read']);
      const asReader = withApiKey(sp.app, readKey);
      assert.equal((await asReader({ method: 'GET', url: translation('fr') })).statusCode, 200);
      assert.equal((await asReader({ method: 'PUT', url: translation('fr'), payload: {} })).statusCode, 403);
    });

    test('the missing-translations list names each incomplete product and what it lacks', async () => {
      const res = await viewer.request({ method: 'GET', url: `${store}/products/missing-translations` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.locales, [
        { locale: 'fr', incompleteProducts: 2 },
        { locale: 'de-CH', incompleteProducts: 2 },
      ]);
      const scarf = body.items.find((i: { id: string }) => i.id === productId);
      assert.deepEqual(scarf.missing['de-CH'], [
        'description',
        'seoTitle',
        'options.0.name',
        'options.0.values.0',
        'options.0.values.1',
        'images.0.alt',
      ]);
      const hat = body.items.find((i: { id: string }) => i.id === otherId);
      assert.deepEqual(hat.missing, { fr: ['title'], 'de-CH': ['title'] });

      // Complete the hat in French: it leaves the French list.
      await owner.request({
        method: 'PUT',
        url: translation('fr', otherId),
        payload: { title: 'Bonnet', handle: 'chapeau' },
      });
      const fr = await viewer.request({
        method: 'GET',
        url: `${store}/products/missing-translations?locale=fr&limit=1`,
      });
      assert.equal(fr.json().total, 1);
      assert.deepEqual(
        fr.json().items.map((i: { id: string }) => i.id),
        [productId],
      );
      const bad = await viewer.request({
        method: 'GET',
        url: `${store}/products/missing-translations?locale=es`,
      });
      assert.equal(bad.json().error.code, 'locale_not_enabled');
    });

    test('deleting a product deletes its translations', async () => {
      const before = await countRows('catalog_translations');
      const gone = await owner.request({ method: 'DELETE', url: `${store}/products/${otherId}` });
      assert.equal(gone.statusCode, 204);
      assert.equal(await countRows('catalog_translations'), before - 2);
    });

    test('a content editor’s translation of a live product is staged: the reviewer sees it per locale, publishing applies it', async () => {
      const created = await owner.request({
        method: 'POST',
        url: `${store}/products`,
        payload: {
          title: 'Linen Shawl',
          status: 'active',
          options: [{ name: 'Colour', values: ['Sand'] }],
          variants: [{ optionValues: ['Sand'], price: { amount: 5200 } }],
          images: [{ url: 'https://cdn.example.com/shawl.jpg', alt: 'A linen shawl' }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const shawl = created.json().product;
      const shawlImage = shawl.images[0].id;
      const put = (who: Browser, locale: string, payload: object) =>
        who.request({ method: 'PUT', url: translation(locale, shawl.id), payload });
      const heading = async (locale: string) => {
        const page = await sp.app.inject({ url: `/s/atelier/${locale}/products/${shawl.handle}` });
        assert.equal(page.statusCode, 200);
        return /<h1>([^<]*)<\/h1>/.exec(page.body)?.[1];
      };
      const workflowOf = async () =>
        (await owner.request({ method: 'GET', url: `${store}/products/${shawl.id}/workflow` })).json()
          .workflow;
      assert.equal(
        (await put(owner, 'fr', { title: 'Châle en lin', images: { [shawlImage]: 'Un châle' } })).statusCode,
        200,
      );
      const rows = await countRows('catalog_translations');
      const events = await countRows('outbox_events');

      const staged = await put(content, 'fr', {
        title: 'Châle en lin lavé',
        options: { Colour: { name: 'Couleur', values: { Sand: 'Sable' } } },
        images: { [shawlImage]: 'Un châle couleur sable' },
      });
      assert.equal(staged.statusCode, 202, staged.body);
      assert.equal(staged.json().staged, true);
      assert.equal(
        staged.json().translation.fields.title.value,
        'Châle en lin lavé',
        'the answer shows what was typed',
      );
      assert.equal(staged.json().revision.state, 'draft');
      assert.equal(await countRows('catalog_translations'), rows, 'no live translation changes');
      assert.equal(await countRows('outbox_events'), events, 'nothing is emitted while it waits');
      assert.equal(await heading('fr'), 'Châle en lin', 'the storefront keeps the live text');
      const read = (await content.request({ method: 'GET', url: translation('fr', shawl.id) })).json()
        .translation;
      assert.equal(read.fields.title.value, 'Châle en lin');
      assert.equal(read.staged.fields.title.value, 'Châle en lin lavé');
      assert.equal(read.staged.revision.id, staged.json().revision.id);

      // A second locale goes into the same revision.
      const german = await put(content, 'de-CH', { title: 'Leinenschal' });
      assert.equal(german.statusCode, 202, german.body);
      assert.equal(german.json().revision.id, staged.json().revision.id);
      const refused = await put(content, 'es', { title: 'Chal' });
      assert.equal(refused.json().error.code, 'locale_not_enabled');

      const review = (await workflowOf()).revision;
      assert.deepEqual(review.changedFields, ['translations']);
      const byField = Object.fromEntries(review.diff.fields.map((f: { field: string }) => [f.field, f]));
      assert.deepEqual(Object.keys(byField), ['translations.de-CH', 'translations.fr']);
      assert.deepEqual(byField['translations.de-CH'].items, [
        { field: 'title', label: null, before: null, after: 'Leinenschal' },
      ]);
      assert.deepEqual(byField['translations.fr'], {
        field: 'translations.fr',
        kind: 'translation',
        locale: 'fr',
        items: [
          { field: 'title', label: null, before: 'Châle en lin', after: 'Châle en lin lavé' },
          { field: 'optionName', label: 'Colour', before: null, after: 'Couleur' },
          { field: 'optionValue', label: 'Colour: Sand', before: null, after: 'Sable' },
          {
            field: 'alt',
            label: 'https://cdn.example.com/shawl.jpg',
            before: 'Un châle',
            after: 'Un châle couleur sable',
          },
        ],
      });

      const submit = () =>
        content.request({
          method: 'POST',
          url: `${store}/products/${shawl.id}/submit-for-review`,
          payload: {},
        });
      const approve = async () => {
        const res = await owner.request({
          method: 'POST',
          url: `${store}/products/${shawl.id}/approve`,
          payload: { fingerprint: (await workflowOf()).revision.fingerprint },
        });
        assert.equal(res.statusCode, 200, res.body);
      };
      assert.equal((await submit()).statusCode, 200);
      await approve();
      // A translation changed after approval is reviewed again.
      assert.equal((await put(content, 'de-CH', { title: 'Leinen-Schal' })).statusCode, 202);
      assert.equal((await workflowOf()).revision.state, 'draft');
      const early = await owner.request({ method: 'POST', url: `${store}/products/${shawl.id}/publish` });
      assert.equal(early.json().error.code, 'review_pending');
      assert.equal((await submit()).statusCode, 200);
      await approve();
      assert.equal(await heading('fr'), 'Châle en lin', 'approved is not yet published');

      const published = await owner.request({ method: 'POST', url: `${store}/products/${shawl.id}/publish` });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(await heading('fr'), 'Châle en lin lavé');
      assert.equal(await heading('de-ch'), 'Leinen-Schal');
      const live = (await owner.request({ method: 'GET', url: translation('fr', shawl.id) })).json()
        .translation;
      assert.equal(live.options[0].values[0].value, 'Sable');
      assert.equal(live.images[0].alt.value, 'Un châle couleur sable');
      assert.equal(live.staged, null);

      const history = (
        await owner.request({ method: 'GET', url: `${store}/products/${shawl.id}/revisions` })
      ).json().items;
      assert.equal(history[0].state, 'published');
      assert.deepEqual(
        history[0].diff.fields.map((f: { field: string }) => f.field),
        ['translations.de-CH', 'translations.fr'],
      );
      const audit = (
        await owner.request({ method: 'GET', url: `${store}/audit?entityId=${shawl.id}&limit=100` })
      ).json().items as { action: string }[];
      assert.deepEqual(audit.map((i) => i.action).reverse(), [
        'product.created',
        'product.translated',
        'product.revision_staged',
        'product.revision_updated',
        'product.submitted_for_review',
        'product.approved',
        'product.revision_updated',
        'product.submitted_for_review',
        'product.approved',
        'product.translated',
        'product.translated',
        'product.revision_published',
      ]);
      const emitted = await database.execute<{ type: string }>(
        "select type from outbox_events where payload->>'id' = $1 order by created_at, id",
        [shawl.id],
      );
      assert.deepEqual(
        emitted.map((e) => e.type).filter((t) => t !== 'product.created'),
        [
          'product.translated',
          'product.review_requested',
          'product.approved',
          'product.review_requested',
          'product.approved',
          'product.translated',
          'product.translated',
          'product.revision_published',
        ],
      );
    });
  });
}
