import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetPacing, pacingWindow } from './budget-pacing.ts';

// Figures worked by hand: a June campaign (30 days) with €3,000.00 for the whole of it is meant to
// spend €100.00 a day.
const june = {
  startsOn: '2024-06-01',
  endsOn: '2024-06-30',
  budget: 300_000,
  budgetPeriod: 'total' as const,
};

describe('budget pacing', () => {
  it('pro-rates the budget to date and projects the spend at the current daily rate', () => {
    const window = pacingWindow(june, '2024-06-10');
    // 10 of 30 days: €1,000.00 expected; €1,200.00 spent → €120.00 a day → €3,600.00 by the 30th.
    const pacing = budgetPacing(window, '2024-06-10', 120_000);
    assert.equal(pacing.elapsedDays, 10);
    assert.equal(pacing.totalDays, 30);
    assert.equal(pacing.expectedToDate, 100_000);
    assert.equal(pacing.projectedSpend, 360_000);
    assert.equal(pacing.status, 'overspending');
  });

  it('is on pace within 10% either way, underspending below', () => {
    const window = pacingWindow(june, '2024-06-10');
    assert.equal(budgetPacing(window, '2024-06-10', 109_000).status, 'on_pace'); // projects 3,270
    assert.equal(budgetPacing(window, '2024-06-10', 91_000).status, 'on_pace'); // projects 2,730
    assert.equal(budgetPacing(window, '2024-06-10', 89_000).status, 'underspending'); // projects 2,670
    assert.equal(budgetPacing(window, '2024-06-10', 111_000).status, 'overspending'); // projects 3,330
  });

  it('rounds a third of a cent half up, once', () => {
    // €100.00 over 3 days, 1 elapsed: 33.333… → €33.33; spent €0.05 in 2 of 3 days → 7.5 → 8 cents.
    const window = { from: '2024-06-01', to: '2024-06-03', budget: 10_000 };
    assert.equal(budgetPacing(window, '2024-06-01', 0).expectedToDate, 3_333);
    assert.equal(budgetPacing(window, '2024-06-02', 5).projectedSpend, 8);
  });

  it('has not started before the first day and ends after the last', () => {
    const window = pacingWindow(june, '2024-05-20');
    const before = budgetPacing(window, '2024-05-20', 0);
    assert.equal(before.status, 'not_started');
    assert.equal(before.expectedToDate, 0);
    const done = budgetPacing(pacingWindow(june, '2024-07-05'), '2024-07-05', 280_000);
    assert.equal(done.elapsedDays, 30);
    assert.equal(done.expectedToDate, 300_000);
    assert.equal(done.projectedSpend, 280_000);
    assert.equal(done.status, 'ended');
    // Spending beyond the budget stays overspending after the end.
    assert.equal(
      budgetPacing(pacingWindow(june, '2024-07-05'), '2024-07-05', 400_000).status,
      'overspending',
    );
  });

  it('gives a monthly budget per calendar month, pro-rated in a month the campaign only partly runs', () => {
    const monthly = {
      startsOn: '2024-04-16',
      endsOn: '2024-12-31',
      budget: 60_000,
      budgetPeriod: 'monthly' as const,
    };
    // From the 16th of a 30-day April: 15 days, half of €600.00.
    assert.deepEqual(pacingWindow(monthly, '2024-04-20'), {
      from: '2024-04-16',
      to: '2024-04-30',
      budget: 30_000,
    });
    // Asked before it starts: the first month's window.
    assert.deepEqual(pacingWindow(monthly, '2024-02-10'), {
      from: '2024-04-16',
      to: '2024-04-30',
      budget: 30_000,
    });
    assert.deepEqual(pacingWindow(monthly, '2024-05-31'), {
      from: '2024-05-01',
      to: '2024-05-31',
      budget: 60_000,
    });
    const may = budgetPacing(pacingWindow(monthly, '2024-05-31'), '2024-05-31', 60_000);
    assert.equal(may.status, 'on_pace');
  });
});
