import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AdSpendImport } from './ad-spend-rows.ts';
import { parseAdSpendCsv } from './parse-ad-spend-csv.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/ad-spend/${name}`, import.meta.url));
const issues = (result: AdSpendImport) =>
  result.errors.map(({ line, column, code }) => ({ line, column, code }));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('Google Ads campaign report', () => {
  const result = parseAdSpendCsv(fixture('google-ads-campaigns-daily.csv'));

  it('is recognised from its header below the title and date-range lines', () => {
    assert.equal(result.platform, 'google_ads');
    assert.equal(result.delimiter, ',');
    assert.equal(result.encoding, 'utf-8');
    assert.deepEqual(result.errors, []);
  });

  it('reads each campaign-day with exact amounts and grouped numbers', () => {
    assert.equal(result.rows.length, 10);
    assert.deepEqual(result.rows[4], {
      line: 8,
      date: '2024-03-02',
      platform: 'google_ads',
      campaignName: 'Linen Shirts – Generic – DE',
      campaignId: '20483920688',
      spend: { amount: 103_415, currency: 'EUR' },
      impressions: 48_312,
      clicks: 2_990,
      conversions: 41.33,
      channel: 'Paid Search',
      source: 'google',
      medium: 'cpc',
    });
  });

  it('reads "--" as nothing and the campaign type as the channel', () => {
    const paused = result.rows.find((row) => row.line === 12)!;
    assert.equal(paused.spend.amount, 0);
    assert.equal(paused.clicks, 0);
    assert.equal(paused.channel, 'Cross-network');
    assert.equal(result.rows.find((row) => row.line === 13)?.channel, 'Display');
  });

  it('skips the "Total: …" rows, and the rows add up to the report’s own account total', () => {
    assert.equal(result.totalRowsSkipped, 5);
    // The file's "Total: Account" line says 1,559.56 / 152,351 impr. / 5,065 clicks / 89.70 conv.
    assert.equal(sum(result.rows.map((row) => row.spend.amount)), 155_956);
    assert.equal(sum(result.rows.map((row) => row.impressions)), 152_351);
    assert.equal(sum(result.rows.map((row) => row.clicks)), 5_065);
    assert.equal(Math.round(sum(result.rows.map((row) => row.conversions ?? 0)) * 100), 8_970);
  });
});

describe('Google Ads "Excel CSV" (UTF-16, tabs) without a day column', () => {
  const result = parseAdSpendCsv(fixture('google-ads-excel-utf16-jpy.csv'));

  it('decodes UTF-16, splits on tabs and dates rows by the range line above the header', () => {
    assert.equal(result.encoding, 'utf-16le');
    assert.equal(result.delimiter, '\t');
    assert.equal(result.platform, 'google_ads');
    assert.deepEqual(result.errors, []);
    assert.equal(result.totalRowsSkipped, 2);
    assert.deepEqual(
      result.rows.map((row) => [row.campaignName, row.date, row.endDate]),
      [
        ['ブランド検索 – Brand Search JP', '2024-04-01', '2024-04-30'],
        ['Shopping – Kimono Robes', '2024-04-01', '2024-04-30'],
        ['YouTube – Spring Lookbook', '2024-04-01', '2024-04-30'],
      ],
    );
  });

  it('reads yen, which have no minor unit, as whole yen', () => {
    assert.deepEqual(
      result.rows.map((row) => row.spend),
      [
        { amount: 312_480, currency: 'JPY' },
        { amount: 198_775, currency: 'JPY' },
        { amount: 88_000, currency: 'JPY' },
      ],
    );
    assert.deepEqual(
      result.rows.map((row) => [row.impressions, row.clicks, row.conversions, row.channel]),
      [
        [84_120, 6_402, 402.5, 'Paid Search'],
        [251_003, 4_118, 97, 'Paid Shopping'],
        [1_120_455, 2_031, 0, 'Paid Video'],
      ],
    );
  });
});

describe('Meta Ads Manager export', () => {
  it('reads a daily breakdown with the currency from "Amount spent (EUR)" and a UTF-8 BOM', () => {
    const result = parseAdSpendCsv(fixture('meta-ads-daily.csv'));
    assert.equal(result.platform, 'meta_ads');
    assert.deepEqual(result.errors, []);
    assert.equal(result.rows.length, 5);
    assert.deepEqual(result.rows[3], {
      line: 5,
      date: '2024-03-01',
      platform: 'meta_ads',
      campaignName: 'Retargeting – Cart Abandoners, 14d',
      campaignId: '120208765432100456',
      spend: { amount: 2_499, currency: 'EUR' },
      impressions: 4_210,
      clicks: 61,
      conversions: 3,
      channel: 'Paid Social',
      source: 'facebook',
      medium: 'paid',
    });
    // An empty Results cell is no results; the day column wins over the reporting range.
    assert.equal(result.rows[2]?.conversions, 0);
    assert.equal(result.rows[2]?.endDate, undefined);
    assert.equal(sum(result.rows.map((row) => row.spend.amount)), 8_540 + 9_006 + 7_811 + 2_499 + 2_750);
  });

  it('reads a report over a month as one row per campaign from its reporting start to end', () => {
    const result = parseAdSpendCsv(fixture('meta-ads-monthly-usd.csv'));
    assert.equal(result.platform, 'meta_ads');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.rows.map((row) => [
        row.campaignName,
        row.date,
        row.endDate,
        row.spend.amount,
        row.clicks,
        row.conversions,
      ]),
      [
        ["Mother's Day Gift Guide", '2024-05-01', '2024-05-31', 248_017, 5_320, 112],
        ['Always-on Catalog Sales', '2024-05-01', '2024-05-31', 90_430, 1_988, 35],
        ['Page Likes Test', '2024-05-01', '2024-05-31', 0, 0, 0],
      ],
    );
    assert.ok(result.rows.every((row) => row.spend.currency === 'USD' && row.campaignId === undefined));
  });

  it('reads a spreadsheet re-save: Windows-1252, semicolons, decimal commas and dotted dates', () => {
    const result = parseAdSpendCsv(fixture('meta-ads-excel-semicolon-cp1252.csv'));
    assert.equal(result.encoding, 'windows-1252');
    assert.equal(result.delimiter, ';');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.rows.map((row) => [row.campaignName, row.date, row.spend.amount, row.impressions, row.clicks]),
      [
        ['Été en lin – Prospection', '2024-06-01', 120_450, 48_210, 1_377],
        ['Été en lin – Prospection', '2024-06-02', 99_805, 41_002, 1_102],
        ["Soldes d'hiver – Reciblage", '2024-06-01', 3_550, 2_940, 88],
      ],
    );
  });
});

describe('manual layout', () => {
  it('reads date, campaign, spend and currency, with the channel given or derived from source / medium', () => {
    const result = parseAdSpendCsv(fixture('manual-spend.csv'));
    assert.equal(result.platform, 'manual');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.rows.map((row) => [row.date, row.spend, row.channel, row.source, row.medium]),
      [
        ['2024-03-01', { amount: 45_000, currency: 'EUR' }, 'Audio', undefined, undefined],
        ['2024-03-04', { amount: 18_000, currency: 'EUR' }, 'Email', 'weeklythreads', 'email'],
        ['2024-03-05', { amount: 7_550, currency: 'EUR' }, 'Display', 'fabricforum', 'display'],
        // Kuwaiti dinars have three decimals: 120.250 is 120,250 fils.
        ['2024-03-06', { amount: 120_250, currency: 'KWD' }, 'Paid Social', 'instagram', 'paid'],
      ],
    );
    assert.deepEqual(
      result.rows.map((row) => [row.impressions, row.clicks, row.conversions]),
      [
        [0, 0, undefined],
        [0, 312, undefined],
        [40_000, 96, undefined],
        [0, 0, undefined],
      ],
    );
  });

  it('rejects a channel that is not a GA4 channel group, and takes any case of one that is', () => {
    const result = parseAdSpendCsv(
      'date,campaign,spend,currency,channel\n2024-03-01,Radio spot,300,EUR,Radio\n2024-03-01,Podcast,90,EUR,audio\n',
    );
    assert.deepEqual(issues(result), [{ line: 2, column: 'channel', code: 'unknown_channel' }]);
    assert.equal(result.rows[0]?.channel, 'Audio');
  });
});

describe('malformed files', () => {
  it('reports each bad row with its line, column and code, and still reads the good ones', () => {
    const result = parseAdSpendCsv(fixture('google-ads-malformed.csv'));
    assert.equal(result.platform, 'google_ads');
    assert.deepEqual(
      result.rows.map((row) => row.line),
      [4],
    );
    assert.deepEqual(issues(result), [
      { line: 5, column: 'Day', code: 'bad_date' },
      { line: 6, column: 'Cost', code: 'bad_number' },
      { line: 7, column: 'Currency code', code: 'missing_currency' },
      { line: 8, column: 'Campaign', code: 'missing_campaign' },
      { line: 9, column: 'Cost', code: 'bad_number' },
      { line: 10, column: 'Currency code', code: 'unknown_currency' },
      { line: 10, column: 'Clicks', code: 'bad_number' },
    ]);
    assert.equal(result.totalRowsSkipped, 1);
  });

  it('reports a missing required column once, on the header line', () => {
    const result = parseAdSpendCsv(fixture('meta-ads-missing-spend-column.csv'));
    assert.equal(result.platform, 'meta_ads');
    assert.deepEqual(result.rows, []);
    assert.deepEqual(issues(result), [{ line: 1, column: 'Amount spent (EUR)', code: 'missing_column' }]);
  });

  it('reports a file of another kind as an unknown layout', () => {
    const result = parseAdSpendCsv(fixture('unknown-layout.csv'));
    assert.equal(result.platform, null);
    assert.deepEqual(issues(result), [{ line: null, column: null, code: 'unknown_layout' }]);
  });

  it('keeps the rows before an unclosed quote and reports where reading stopped', () => {
    const result = parseAdSpendCsv(fixture('manual-unclosed-quote.csv'));
    assert.deepEqual(
      result.rows.map((row) => row.campaignName),
      ['Linen Talk podcast'],
    );
    assert.deepEqual(issues(result), [{ line: 3, column: null, code: 'unreadable_file' }]);
  });

  it('reports an empty file', () => {
    assert.deepEqual(issues(parseAdSpendCsv('')), [{ line: null, column: null, code: 'unreadable_file' }]);
    assert.deepEqual(issues(parseAdSpendCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))), [
      { line: null, column: null, code: 'unreadable_file' },
    ]);
  });

  it('needs a currency from the row, the header or the caller', () => {
    const noCurrency = 'date,campaign,spend\n2024-03-01,Flyers,25.00\n';
    assert.deepEqual(issues(parseAdSpendCsv(noCurrency)), [
      { line: 1, column: 'currency', code: 'missing_currency' },
    ]);
    const withDefault = parseAdSpendCsv(noCurrency, { defaultCurrency: 'GBP' });
    assert.deepEqual(withDefault.rows[0]?.spend, { amount: 2_500, currency: 'GBP' });
    assert.deepEqual(issues(parseAdSpendCsv(noCurrency, { defaultCurrency: 'ZZZ' })), [
      { line: null, column: null, code: 'unknown_currency' },
    ]);
  });

  it('does not read slashed dates whose order the file never shows, and infers it when it does', () => {
    const ambiguous = parseAdSpendCsv('date,campaign,spend,currency\n03/04/2024,Flyers,25.00,EUR\n');
    assert.deepEqual(issues(ambiguous), [{ line: 2, column: 'date', code: 'bad_date' }]);
    const dayFirst = parseAdSpendCsv(
      'date,campaign,spend,currency\n03/04/2024,Flyers,25.00,EUR\n13/04/2024,Flyers,25.00,EUR\n',
    );
    assert.deepEqual(
      dayFirst.rows.map((row) => row.date),
      ['2024-04-03', '2024-04-13'],
    );
    const monthFirst = parseAdSpendCsv(
      'date,campaign,spend,currency\n3/4/24,Flyers,25.00,EUR\n4/30/24,Flyers,1,EUR\n',
    );
    assert.deepEqual(
      monthFirst.rows.map((row) => row.date),
      ['2024-03-04', '2024-04-30'],
    );
  });

  it('reports more rows than the limit once and reads up to it', () => {
    const text = `date,campaign,spend,currency\n${'2024-03-01,Flyers,1,EUR\n'.repeat(5)}`;
    const result = parseAdSpendCsv(text, { maxRows: 3 });
    assert.equal(result.rows.length, 3);
    assert.deepEqual(issues(result), [{ line: 5, column: null, code: 'too_many_rows' }]);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = parseAdSpendCsv(bytes);
        assert.ok(Array.isArray(result.rows) && Array.isArray(result.errors));
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Campaign',
            'Day',
            'Cost',
            'Impr.',
            'Currency code',
            '--',
            '1,2',
            '"',
            ';',
            '\t',
            '\n',
            'EUR',
            'x',
          ),
          {
            maxLength: 60,
          },
        ),
        (parts) => {
          const result = parseAdSpendCsv(parts.join(','));
          for (const row of result.rows) assert.ok(Number.isSafeInteger(row.spend.amount));
        },
      ),
    );
  });
});

describe('tolerance of layout details', () => {
  it('finds columns in any order, under their header variants', () => {
    const text = [
      'Conversions,Impressions,Currency,Clicks,Campaign ID,Cost,Day,Campaign,Campaign state',
      '3.00,"2,500",usd,80,555,"1,000.10",2024-03-09,Search – Rain Jackets,Enabled',
    ].join('\n');
    const result = parseAdSpendCsv(text);
    assert.equal(result.platform, 'google_ads');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.rows[0], {
      line: 2,
      date: '2024-03-09',
      platform: 'google_ads',
      campaignName: 'Search – Rain Jackets',
      campaignId: '555',
      spend: { amount: 100_010, currency: 'USD' },
      impressions: 2_500,
      clicks: 80,
      conversions: 3,
      channel: 'Paid Search',
      source: 'google',
      medium: 'cpc',
    });
  });

  it('reads a semicolon file with decimal commas, and a tab file, by the header they hold', () => {
    const semicolon = parseAdSpendCsv(
      'Campaign;Day;Currency code;Cost;Impr.;Clicks\nBrand;2024-03-01;EUR;1.234,56;1.204;187\n',
    );
    assert.equal(semicolon.delimiter, ';');
    assert.deepEqual(
      semicolon.rows.map((row) => [row.spend.amount, row.impressions]),
      [[123_456, 1_204]],
    );
    const tab = parseAdSpendCsv(
      'Campaign name\tDay\tAmount spent (GBP)\tImpressions\tLink clicks\nSale\t2024-03-01\t12.5\t900\t30\n',
    );
    assert.equal(tab.delimiter, '\t');
    assert.deepEqual(tab.rows[0]?.spend, { amount: 1_250, currency: 'GBP' });
  });

  it('reads a string with a BOM and a header in other case and spacing', () => {
    const result = parseAdSpendCsv(
      '\ufeff DATE , Campaign ,SPEND,Currency\r\n2024-03-01,Flyers,"1,250.00",eur\r\n',
    );
    assert.equal(result.platform, 'manual');
    assert.deepEqual(result.rows[0]?.spend, { amount: 125_000, currency: 'EUR' });
  });

  it('can be told the layout instead of detecting it', () => {
    const text = 'Campaign,Day,Cost\nBrand,2024-03-01,10.00\n';
    const result = parseAdSpendCsv(text, { platform: 'google_ads', defaultCurrency: 'EUR' });
    assert.equal(result.platform, 'google_ads');
    assert.deepEqual(result.rows[0]?.spend, { amount: 1_000, currency: 'EUR' });
  });
});
