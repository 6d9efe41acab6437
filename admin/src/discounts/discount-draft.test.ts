import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountDraft, definitionOf, discountDraftOf, localInputOf } from './discount-draft.ts';
import type { Discount } from './discount-types.ts';

test('a new 10 % code limited to 100 uses reads as basis points and limits', () => {
  const draft = discountDraftOf(null, 'EUR');
  draft.title = 'Summer 10';
  draft.codes = ['SUMMER10'];
  draft.usageLimit = 100;
  const read = definitionOf(draft);
  assert.ok(read.ok);
  assert.equal(read.definition.percentBp, 1000);
  assert.deepEqual(read.definition.codes, ['SUMMER10']);
  assert.equal(read.definition.usageLimit, 100);
  assert.equal(read.definition.perCustomerLimit, null);
  assert.deepEqual(read.definition.appliesTo, { scope: 'order' });
  assert.equal(read.definition.amounts, null);
});

test('fixed amounts per currency use each currency’s decimals (JPY none, KWD three)', () => {
  const draft = discountDraftOf(null, 'EUR');
  draft.title = 'Five off';
  draft.type = 'fixed_amount';
  draft.amounts = [amountDraft('EUR', '5'), amountDraft('JPY', '700'), amountDraft('KWD', '1.500')];
  draft.scope = 'products';
  draft.targetIds = ['prod_1'];
  draft.oncePerOrder = false;
  const read = definitionOf(draft);
  assert.ok(read.ok);
  assert.deepEqual(read.definition.amounts, { EUR: 500, JPY: 700, KWD: 1500 });
  assert.deepEqual(read.definition.appliesTo, { scope: 'products', productIds: ['prod_1'] });
  assert.equal(read.definition.oncePerOrder, false);
  assert.equal(read.definition.percentBp, null);
  draft.amounts = [amountDraft('JPY', '7.5')];
  const refused = definitionOf(draft);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.found.amounts, 'JPY: This currency has no decimal places.');
});

test('buy X get Y: the offer’s items, count or spend, and the percent off the Y units', () => {
  const draft = discountDraftOf(null, 'EUR');
  draft.title = 'Buy 2 scarves, get 1 free';
  draft.kind = 'automatic';
  draft.type = 'buy_x_get_y';
  draft.buys = { scope: 'collections', ids: ['coll_1'] };
  draft.gets = { scope: 'collections', ids: ['coll_1'] };
  const read = definitionOf(draft);
  assert.ok(read.ok);
  assert.deepEqual(read.definition.buyXGetY, {
    buys: { items: { scope: 'collections', collectionIds: ['coll_1'] }, quantity: 2, minimumAmounts: null },
    gets: { items: { scope: 'collections', collectionIds: ['coll_1'] }, quantity: 1, percentBp: 10_000 },
    maxUsesPerOrder: null,
  });
  assert.deepEqual(read.definition.codes, []);
  assert.deepEqual(read.definition.appliesTo, { scope: 'order' });
});

test('a saved discount reads back into the form and out again unchanged', () => {
  const saved: Discount = {
    id: 'disc_1',
    title: 'Spring',
    kind: 'code',
    codes: ['SPRING'],
    codeCount: 1,
    type: 'percentage',
    class: 'product',
    status: 'scheduled',
    percentBp: 1250,
    amounts: null,
    appliesTo: { scope: 'collections', collectionIds: ['coll_9'] },
    oncePerOrder: true,
    buyXGetY: null,
    minimumSubtotal: { EUR: 5000 },
    minimumQuantity: null,
    customerSegments: ['newsletter'],
    startsAt: '2030-03-01T08:00:00.000Z',
    endsAt: '2030-04-01T08:00:00.000Z',
    usageLimit: null,
    perCustomerLimit: 1,
    combinesWith: { order: false, product: false, shipping: true },
    enabled: true,
    used: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
  const draft = discountDraftOf(saved, 'EUR');
  assert.equal(draft.percent, '12.5');
  assert.equal(draft.startsAt, localInputOf(saved.startsAt));
  const read = definitionOf(draft);
  assert.ok(read.ok);
  const {
    id: _id,
    codeCount: _c,
    class: _k,
    status: _s,
    used: _u,
    createdAt: _a,
    updatedAt: _b,
    ...definition
  } = saved;
  assert.deepEqual(read.definition, definition);
});

test('what the form finds wrong is named by input', () => {
  const draft = discountDraftOf(null, 'EUR');
  draft.percent = '150';
  draft.scope = 'products';
  draft.usageLimit = 0;
  draft.startsAt = '';
  const read = definitionOf(draft);
  assert.equal(read.ok, false);
  if (read.ok) return;
  assert.deepEqual(Object.keys(read.found).sort(), ['percent', 'startsAt', 'target', 'title', 'usageLimit']);
});
