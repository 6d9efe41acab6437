import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { attributeConversion, attributeConversionValue } from './attribute-conversion.ts';
import { type AttributionModel, attributionModels } from './attribution-models.ts';
import type { Touchpoint } from './touchpoints.ts';

const day = 86_400_000;
const convertedAt = new Date('2024-05-20T12:00:00Z');
const daysBefore = (days: number) => new Date(convertedAt.getTime() - days * day);

type Named = Touchpoint & { name: string };
const meta = (days: number): Named => ({
  name: 'Meta',
  at: daysBefore(days),
  source: 'facebook',
  medium: 'paid',
});
const email = (days: number): Named => ({
  name: 'Email',
  at: daysBefore(days),
  source: 'newsletter',
  medium: 'email',
});
const direct = (days: number): Named => ({ name: 'Direct', at: daysBefore(days) });
const google = (days: number): Named => ({
  name: 'Google',
  at: daysBefore(days),
  source: 'google',
  medium: 'cpc',
});

/** Credit per touchpoint in percent, rounded to 2 places as the reference writes them. */
const percents = (journey: Named[], model: AttributionModel) =>
  attributeConversion(journey, convertedAt, { model }).map(({ touchpoint, credit }) => [
    touchpoint.name,
    Math.round(credit * 10_000) / 100,
  ]);

const euros = (amount: number) => ({ amount, currency: 'EUR' });
const parts = (journey: Named[], model: AttributionModel, amount = 10_000) =>
  attributeConversionValue(journey, { at: convertedAt, value: euros(amount) }, { model }).map(
    ({ value }) => value.amount,
  );

describe('attribution models: reference vectors', () => {
  // Vectors from shared/reference/statistics.md §6 "Attribution and ROAS" [derived from the
  // published model definitions: Shopify's last non-direct click, GA4's position-based 40/20/40
  // and time decay with a 7-day half-life], conversion revenue 100.
  const threeTouches = [meta(10), email(5), direct(1)];

  it('position-based 40/20/40 over Meta → Email → Direct → Google gives 40/10/10/40', () => {
    const journey = [meta(12), email(8), direct(4), google(1)];
    assert.deepEqual(percents(journey, 'position_based'), [
      ['Meta', 40],
      ['Email', 10],
      ['Direct', 10],
      ['Google', 40],
    ]);
    assert.deepEqual(parts(journey, 'position_based'), [4000, 1000, 1000, 4000]);
  });

  it('last click gives Meta → Email → Direct wholly to Direct', () => {
    assert.deepEqual(percents(threeTouches, 'last_click'), [
      ['Meta', 0],
      ['Email', 0],
      ['Direct', 100],
    ]);
  });

  it('last non-direct click gives it to Email', () => {
    assert.deepEqual(percents(threeTouches, 'last_non_direct_click'), [
      ['Meta', 0],
      ['Email', 100],
      ['Direct', 0],
    ]);
    // ... and it is the default model.
    assert.deepEqual(
      attributeConversion(threeTouches, convertedAt).map(({ credit }) => credit),
      [0, 1, 0],
    );
  });

  it('first click gives it to Meta', () => {
    assert.deepEqual(percents(threeTouches, 'first_click'), [
      ['Meta', 100],
      ['Email', 0],
      ['Direct', 0],
    ]);
  });

  it('linear gives 33.33 each, and the money split still sums to 100.00', () => {
    assert.deepEqual(percents(threeTouches, 'linear'), [
      ['Meta', 33.33],
      ['Email', 33.33],
      ['Direct', 33.33],
    ]);
    assert.deepEqual(parts(threeTouches, 'linear'), [3334, 3333, 3333]);
  });

  it('time decay with touches 14, 7 and 0 days before gives 14.29 / 28.57 / 57.14', () => {
    const journey = [meta(14), email(7), direct(0)];
    assert.deepEqual(percents(journey, 'time_decay'), [
      ['Meta', 14.29],
      ['Email', 28.57],
      ['Direct', 57.14],
    ]);
    assert.deepEqual(parts(journey, 'time_decay'), [1429, 2857, 5714]);
  });
});

describe('attribution models: the rules around the vectors', () => {
  it('credits a journey of direct visits only to Direct under last non-direct click', () => {
    const journey = [direct(3), direct(1)];
    assert.deepEqual(
      attributeConversion(journey, convertedAt).map(({ credit }) => credit),
      [0, 1],
    );
  });

  it('treats a recorded Direct channel as direct even with leftover tags', () => {
    const journey: Named[] = [email(3), { ...google(1), channel: 'Direct' }];
    assert.deepEqual(
      attributeConversion(journey, convertedAt).map(({ touchpoint, credit }) => [touchpoint.name, credit]),
      [
        ['Email', 1],
        ['Google', 0],
      ],
    );
  });

  it('defines position-based for one and two touchpoints, and shares 20% among several middles', () => {
    assert.deepEqual(percents([meta(2)], 'position_based'), [['Meta', 100]]);
    assert.deepEqual(percents([meta(2), google(1)], 'position_based'), [
      ['Meta', 50],
      ['Google', 50],
    ]);
    assert.deepEqual(percents([meta(5), email(4), direct(3), email(2), google(1)], 'position_based'), [
      ['Meta', 40],
      ['Email', 6.67],
      ['Direct', 6.67],
      ['Email', 6.67],
      ['Google', 40],
    ]);
  });

  it('splits the worked example of docs/channels-and-attribution.md by time decay', () => {
    // Weights 2^(−11/7), 2^(−7/7), 2^(−3/7), 1 (days before the newest touch), worked by hand:
    // shares 13.044%, 19.384%, 28.804%, 38.768% of €100.00; the two cents the floors leave go to
    // the largest remainders (Google's .76, then Meta's .43).
    const journey = [meta(12), email(8), direct(4), google(1)];
    assert.deepEqual(parts(journey, 'time_decay'), [1305, 1938, 2880, 3877]);
  });

  it('halves time-decay weight per half-life, which can be changed', () => {
    const journey = [meta(2), google(0)];
    const credits = attributeConversion(journey, convertedAt, { model: 'time_decay', halfLifeDays: 2 });
    assert.deepEqual(
      credits.map(({ credit }) => credit),
      [1 / 3, 2 / 3],
    );
  });

  it('leaves out touchpoints outside the lookback window, keeping its edge', () => {
    const journey = [meta(31), email(30), google(1)];
    assert.deepEqual(percents(journey, 'first_click'), [
      ['Email', 100],
      ['Google', 0],
    ]);
    assert.deepEqual(
      attributeConversion(journey, convertedAt, { model: 'first_click', lookbackDays: 7 }).map(
        ({ touchpoint }) => touchpoint.name,
      ),
      ['Google'],
    );
  });

  it('ignores touchpoints after the conversion and orders the journey by time', () => {
    const journey = [google(1), meta(5), { ...email(0), at: new Date(convertedAt.getTime() + 60_000) }];
    assert.deepEqual(percents(journey, 'first_click'), [
      ['Meta', 100],
      ['Google', 0],
    ]);
  });

  it('keeps the journey’s order for touchpoints at the same instant', () => {
    const journey = [email(1), google(1)];
    assert.deepEqual(percents(journey, 'last_click'), [
      ['Email', 0],
      ['Google', 100],
    ]);
  });

  it('returns nothing for a journey with no touchpoint in the window', () => {
    assert.deepEqual(attributeConversion([], convertedAt), []);
    assert.deepEqual(attributeConversionValue([meta(40)], { at: convertedAt, value: euros(5000) }), []);
  });

  it('splits a yen value with no minor unit and a negative (refunded) value exactly', () => {
    const journey = [meta(3), email(2), google(1)];
    const yen = attributeConversionValue(
      journey,
      { at: convertedAt, value: { amount: 1000, currency: 'JPY' } },
      { model: 'linear' },
    );
    assert.deepEqual(
      yen.map(({ value }) => value),
      [
        { amount: 334, currency: 'JPY' },
        { amount: 333, currency: 'JPY' },
        { amount: 333, currency: 'JPY' },
      ],
    );
    assert.deepEqual(parts(journey, 'linear', -100), [-34, -33, -33]);
  });

  it('rejects unknown models, bad windows and journeys without times', () => {
    assert.throws(
      () => attributeConversion([meta(1)], convertedAt, { model: 'data_driven' as AttributionModel }),
      {
        code: 'invalid_attribution_model',
      },
    );
    assert.throws(() => attributeConversion([meta(1)], convertedAt, { lookbackDays: 0 }), {
      code: 'invalid_attribution_options',
    });
    assert.throws(() => attributeConversion([meta(1)], convertedAt, { halfLifeDays: Number.NaN }), {
      code: 'invalid_attribution_options',
    });
    assert.throws(() => attributeConversion([{ at: new Date('nope') }], convertedAt), {
      code: 'invalid_journey',
    });
    assert.throws(() => attributeConversionValue([meta(1)], { at: convertedAt, value: euros(1.5) }), {
      code: 'invalid_amount',
    });
  });
});

describe('attribution models: properties', () => {
  const journeys = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 45 * day }).map((ms) => new Date(convertedAt.getTime() - ms)),
      source: fc.constantFrom(null, 'google', 'facebook', 'newsletter', 'blog.example'),
      medium: fc.constantFrom(null, 'cpc', 'email', 'referral', 'organic'),
    }),
    { maxLength: 25 },
  );
  const models = fc.constantFrom(...attributionModels);
  const amounts = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: 0, max: 1e12 }),
  );

  it('gives credits that are each 0–1 and sum to 1, over the touchpoints in the window', () => {
    fc.assert(
      fc.property(journeys, models, (journey, model) => {
        const credits = attributeConversion(journey, convertedAt, { model });
        const inWindow = journey.filter((t) => convertedAt.getTime() - t.at.getTime() <= 30 * day);
        assert.equal(credits.length, inWindow.length);
        if (credits.length === 0) return;
        for (const { credit } of credits) assert.ok(credit >= 0 && credit <= 1, `credit ${credit}`);
        const sum = credits.reduce((s, { credit }) => s + credit, 0);
        assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum}`);
      }),
    );
  });

  it('splits money into parts that sum exactly to the value, each within a unit of its share', () => {
    fc.assert(
      fc.property(journeys, models, amounts, (journey, model, amount) => {
        const split = attributeConversionValue(journey, { at: convertedAt, value: euros(amount) }, { model });
        if (split.length === 0) return;
        assert.equal(
          split.reduce((s, { value }) => s + value.amount, 0),
          amount,
        );
        for (const { credit, value } of split) {
          assert.equal(value.currency, 'EUR');
          assert.ok(Number.isSafeInteger(value.amount));
          assert.ok(
            Math.abs(value.amount - credit * amount) < 1 + 1e-6,
            `${value.amount} vs ${credit * amount}`,
          );
        }
      }),
    );
  });
});
