import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDateRange, readReportDate, slashOrderOf } from './report-dates.ts';

describe('readReportDate', () => {
  it('reads the unambiguous forms reports and spreadsheets write', () => {
    const cases: Array<[string, string]> = [
      ['2024-03-01', '2024-03-01'],
      ['2024-3-1', '2024-03-01'],
      ['2024/03/01', '2024-03-01'],
      ['2024-03-01 00:00:00', '2024-03-01'],
      ['20240301', '2024-03-01'],
      ['01.03.2024', '2024-03-01'],
      ['1.3.24', '2024-03-01'],
      ['March 1, 2024', '2024-03-01'],
      ['Mar 1, 2024', '2024-03-01'],
      ['Fri, Mar 1, 2024', '2024-03-01'],
      ['Friday, March 1, 2024', '2024-03-01'],
      ['1 Mar 2024', '2024-03-01'],
      ['01-Mar-2024', '2024-03-01'],
      ['29 February 2024', '2024-02-29'],
    ];
    for (const [text, expected] of cases) assert.equal(readReportDate(text, null), expected, text);
  });

  it('rejects impossible days and text', () => {
    for (const text of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '32.01.2024',
      'yesterday',
      '',
      'Foo 1, 2024',
    ]) {
      assert.equal(readReportDate(text, null), null, text);
    }
  });

  it('reads slashed dates only in the order it is told', () => {
    assert.equal(readReportDate('03/04/2024', null), null);
    assert.equal(readReportDate('03/04/2024', 'day_first'), '2024-04-03');
    assert.equal(readReportDate('03/04/2024', 'month_first'), '2024-03-04');
    assert.equal(readReportDate('13/04/2024', 'month_first'), null);
  });
});

describe('slashOrderOf', () => {
  it('takes the order from a date that shows it', () => {
    assert.equal(slashOrderOf(['03/04/2024', '13/04/2024']), 'day_first');
    assert.equal(slashOrderOf(['03/04/2024', '04/13/2024']), 'month_first');
  });

  it('is undecided when no date shows it or dates contradict', () => {
    assert.equal(slashOrderOf(['03/04/2024', '2024-03-05']), null);
    assert.equal(slashOrderOf(['13/04/2024', '04/13/2024']), null);
    assert.equal(slashOrderOf([]), null);
  });
});

describe('readDateRange', () => {
  it('reads Google Ads’ range line and ISO ranges', () => {
    assert.deepEqual(readDateRange('March 1, 2024 - March 31, 2024'), {
      start: '2024-03-01',
      end: '2024-03-31',
    });
    assert.deepEqual(readDateRange('2024-04-01 – 2024-04-30'), { start: '2024-04-01', end: '2024-04-30' });
    assert.deepEqual(readDateRange('Dec 1, 2023 to Jan 31, 2024'), {
      start: '2023-12-01',
      end: '2024-01-31',
    });
  });

  it('rejects anything else', () => {
    assert.equal(readDateRange('Campaign report'), null);
    assert.equal(readDateRange('March 31, 2024 - March 1, 2024'), null);
    assert.equal(readDateRange('All time'), null);
  });
});
