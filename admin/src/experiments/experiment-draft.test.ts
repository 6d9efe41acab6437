import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { bodyOf, draftOf, type ExperimentDraft, productSectionsOf, sharesOf } from './experiment-draft.ts';
import { experimentErrorsFrom } from './experiment-errors.ts';
import type { Experiment } from './experiments-queries.ts';

const sections = ['reviews', 'related'];

function draft(patch: Partial<ExperimentDraft> = {}): ExperimentDraft {
  return { ...draftOf(null, sections), name: 'Banner test', key: 'banner-test', ...patch };
}

test('the sections of product_sections are read from the point’s JSON Schema', () => {
  const points = [
    {
      key: 'product_sections',
      description: '',
      pages: ['product'],
      change: {
        properties: { order: { type: 'array', items: { type: 'string', enum: ['reviews', 'related'] } } },
      },
    },
  ];
  assert.deepEqual(productSectionsOf(points), ['reviews', 'related']);
  assert.deepEqual(productSectionsOf([]), []);
});

test('a new draft: control and one variant at 50/50; the control changes nothing', () => {
  const body = bodyOf(draft({ point: 'price_display' }), ['EUR']);
  assert.ok(body.ok);
  assert.deepEqual(
    body.body.variants.map((v) => [v.key, v.name, v.weight, v.change]),
    [
      ['control', 'Control', 50, { showCompareAt: true }],
      ['variant-b', 'Variant B', 50, { showCompareAt: false }],
    ],
  );
  const sectionsBody = bodyOf(draft({ point: 'product_sections' }), ['EUR']);
  assert.ok(sectionsBody.ok);
  assert.deepEqual(
    sectionsBody.body.variants.map((v) => v.change),
    [{ order: ['reviews', 'related'] }, { order: ['related', 'reviews'] }],
  );
});

test('a shown banner without a text leaves the text out, so the server says so on the text', () => {
  const body = bodyOf(draft({ point: 'announcement_banner' }), ['EUR']);
  assert.ok(body.ok);
  assert.deepEqual(JSON.parse(JSON.stringify(body.body.variants.map((v) => v.change))), [
    { show: false },
    { show: true },
  ]);
});

test('variant keys: from new names, each once; a saved variant keeps its key', () => {
  const d = draft({ point: 'price_display' });
  d.variants = d.variants.map((v) => ({ ...v, name: 'Same name' }));
  const body = bodyOf(d, []);
  assert.ok(body.ok);
  assert.deepEqual(
    body.body.variants.map((v) => v.key),
    ['same-name', 'same-name-2'],
  );
  d.variants[0] = { ...d.variants[0]!, keyFollowsName: false, key: 'control' };
  const kept = bodyOf(d, []);
  assert.ok(kept.ok);
  assert.deepEqual(
    kept.body.variants.map((v) => v.key),
    ['control', 'same-name'],
  );
});

test('what the form finds itself: no point, no product, a weight of 0, an amount with too many decimals', () => {
  const none = bodyOf(draft(), ['EUR']);
  assert.deepEqual(none.ok ? null : Object.keys(none.found), ['point']);

  const product = bodyOf(draft({ point: 'product_text' }), ['EUR']);
  assert.deepEqual(product.ok ? null : Object.keys(product.found), ['productId']);

  const d = draft({ point: 'free_shipping_threshold' });
  d.variants[1] = {
    ...d.variants[1]!,
    weight: 0,
    change: { ...d.variants[1]!.change, freeAbove: { EUR: '29.999', JPY: '3000' } },
  };
  const found = bodyOf(d, ['EUR', 'JPY']);
  assert.deepEqual(found.ok ? null : found.found, {
    'variants.1.weight': 'A weight above 0.',
    'variants.1.change.freeAbove.EUR': 'Use at most 2 decimal places.',
  });
});

test('free-shipping thresholds in minor units per currency; the control’s empty fields are {}', () => {
  const d = draft({ point: 'free_shipping_threshold' });
  d.variants[1] = {
    ...d.variants[1]!,
    change: { ...d.variants[1]!.change, freeAbove: { EUR: '29.50', JPY: '' } },
  };
  const body = bodyOf(d, ['EUR', 'JPY']);
  assert.ok(body.ok);
  assert.deepEqual(
    body.body.variants.map((v) => v.change),
    [{}, { freeAbove: { EUR: 2950 } }],
  );
});

test('targeting sends only the rules chosen; times as ISO', () => {
  const body = bodyOf(
    draft({
      point: 'price_display',
      devices: ['mobile'],
      countries: [],
      startsAt: '2026-12-01T09:00',
    }),
    [],
  );
  assert.ok(body.ok);
  assert.deepEqual(body.body.targeting, { audience: 'all', devices: ['mobile'] });
  assert.equal(body.body.startsAt, new Date('2026-12-01T09:00').toISOString());
  assert.equal(body.body.stopsAt, null);
});

test('a saved experiment reads back into the same body', () => {
  const saved: Experiment = {
    id: 'exp_1',
    key: 'thresholds',
    name: 'Thresholds',
    hypothesis: 'Lower sells more',
    point: 'free_shipping_threshold',
    status: 'stopped',
    primaryMetric: 'conversion_rate',
    secondaryMetrics: ['average_order_value'],
    guardrailMetrics: ['refund_rate'],
    variants: [
      { key: 'control', name: 'Store', weight: 2, change: {} },
      { key: 'low', name: 'Lower', weight: 3, change: { freeAbove: { EUR: 2950, JPY: 3000 } } },
    ],
    targeting: { audience: 'new_visitors', countries: ['DE', 'AT'] },
    startsAt: null,
    stopsAt: null,
    startedAt: '2026-11-01T10:00:00.000Z',
    stoppedAt: '2026-11-02T10:00:00.000Z',
    rolloutEndedAt: null,
  };
  const body = bodyOf(draftOf(saved, sections), ['EUR', 'JPY']);
  assert.ok(body.ok);
  const { id, status, startedAt, stoppedAt, rolloutEndedAt, ...definition } = saved;
  assert.deepEqual(body.body, definition);
});

test('a product’s image order: the product once for every variant, the control without an order', () => {
  const product = bodyOf(draft({ point: 'product_media_order' }), ['EUR']);
  assert.deepEqual(product.ok ? null : product.found, {
    productId: 'Choose the product whose images the test orders.',
  });
  const d = draft({ point: 'product_media_order', productId: 'prod_1' });
  d.variants[1] = { ...d.variants[1]!, change: { ...d.variants[1]!.change, imageOrder: ['img_3', 'img_1'] } };
  const body = bodyOf(d, ['EUR']);
  assert.ok(body.ok);
  assert.deepEqual(
    body.body.variants.map((v) => v.change),
    [{ productId: 'prod_1' }, { productId: 'prod_1', order: ['img_3', 'img_1'] }],
  );
  // Read back, the images' order is the image order's, and the sections keep their own.
  const saved = draftOf(
    {
      id: 'exp_2',
      key: 'room-first',
      name: 'Room first',
      hypothesis: '',
      point: 'product_media_order',
      status: 'draft',
      primaryMetric: 'add_to_cart_rate',
      secondaryMetrics: [],
      guardrailMetrics: [],
      variants: body.body.variants,
      targeting: { audience: 'all' },
      startsAt: null,
      stopsAt: null,
      startedAt: null,
      stoppedAt: null,
      rolloutEndedAt: null,
    },
    sections,
  );
  assert.equal(saved.productId, 'prod_1');
  assert.deepEqual(saved.variants[1]!.change.imageOrder, ['img_3', 'img_1']);
  assert.deepEqual(saved.variants[1]!.change.order, [...sections].reverse());
});

test('sharesOf: whole percent to one decimal, none while a weight is not positive', () => {
  assert.deepEqual(sharesOf([{ weight: 30 }, { weight: 70 }]), [30, 70]);
  assert.deepEqual(sharesOf([{ weight: 1 }, { weight: 2 }]), [33.3, 66.7]);
  assert.deepEqual(sharesOf([{ weight: 1 }, { weight: '' }]), [null, null]);
});

const shown = (input: string) =>
  ['key', 'productId', 'variants', 'countries', 'stopsAt', 'point'].includes(input) ||
  /^variants\.\d\.(name|weight|change|change\.text|change\.freeAbove\.EUR)$/.test(input);

test('server refusals go on the inputs they name', () => {
  const change = new ApiError(400, 'invalid_change', "Variant b's change does not fit announcement_banner.", {
    path: 'variants.1.change',
    issues: [{ path: 'text', message: 'a shown banner has a text' }],
  });
  assert.deepEqual(experimentErrorsFrom(change, 'announcement_banner', shown), {
    fields: { 'variants.1.change.text': 'a shown banner has a text' },
    general: null,
  });

  const unknownField = new ApiError(400, 'invalid_change', 'Does not fit.', {
    path: 'variants.0.change',
    issues: [{ path: '', message: 'Unrecognized key: "colour"' }],
  });
  assert.deepEqual(experimentErrorsFrom(unknownField, 'announcement_banner', shown).fields, {
    'variants.0.change': 'Unrecognized key: "colour"',
  });

  const sameProduct = new ApiError(400, 'invalid_change', 'every variant names the same productId', {
    path: 'variants',
  });
  assert.deepEqual(experimentErrorsFrom(sameProduct, 'product_text', shown).fields, {
    productId: 'every variant names the same productId',
  });

  const validation = new ApiError(400, 'validation_failed', 'Some fields are not valid.', [
    { path: 'body.targeting.countries.1', message: 'an ISO 3166-1 alpha-2 code' },
    { path: 'body.variants.1.weight', message: 'Too small' },
    { path: 'body.hypothesis', message: 'Too long' },
  ]);
  assert.deepEqual(experimentErrorsFrom(validation, 'price_display', shown), {
    fields: { countries: 'an ISO 3166-1 alpha-2 code', 'variants.1.weight': 'Too small' },
    general: 'Some fields are not valid. hypothesis: Too long',
  });

  const taken = new ApiError(409, 'experiment_key_taken', 'Another experiment of this store has this key.', {
    key: 'x',
  });
  assert.deepEqual(experimentErrorsFrom(taken, 'price_display', shown).fields, {
    key: 'Another experiment of this store has this key.',
  });

  const started = new ApiError(409, 'experiment_started', 'Once an experiment ran, its key … stay.', {
    status: 'running',
  });
  assert.deepEqual(experimentErrorsFrom(started, 'price_display', shown), {
    fields: {},
    general: 'Once an experiment ran, its key … stay.',
  });
});
