import type { RateSpec } from './rate-sets.ts';

/**
 * Rate tables a store can install on request (`POST …/tax/presets/:preset`); nothing is installed
 * by itself. The figures are the published ones on the date given, from the named source
 * (docs/tax.md, "Presets"); rates change, so a store checks them before it relies on them.
 */
export interface TaxPreset {
  key: TaxPresetKey;
  name: string;
  source: { title: string; url: string; asOf: string };
  classes: { handle: string; name: string }[];
  rates: RateSpec[];
}

export const taxPresetKeys = ['eu', 'us'] as const;
export type TaxPresetKey = (typeof taxPresetKeys)[number];

const percent = (value: number) => Math.round(value * 10_000);
const vat = (country: string, taxClass: string, rate: number): RateSpec => ({
  country,
  region: null,
  taxClass,
  ratePpm: percent(rate),
  name: `VAT ${rate} %`,
  priority: 0,
  compound: false,
});
const stateTax = (state: string, rate: number): RateSpec => ({
  country: 'US',
  region: `US-${state}`,
  taxClass: 'standard',
  ratePpm: percent(rate),
  name: `${state} State Tax`,
  priority: 0,
  compound: false,
});

/**
 * EU VAT: each country's standard rate, and as 'reduced' the reduced rate it applies to printed
 * books (which is also its rate for most basic food): DE 7, FR 5.5, NL 9, AT 10, IT 4, ES 4.
 * Countries' other reduced rates (FR 10 and 2.1, AT 13, IT 5 and 10, ES 10) are left to the store.
 */
const eu: TaxPreset = {
  key: 'eu',
  name: 'EU VAT: standard and reduced rates of DE, FR, NL, AT, IT and ES',
  source: {
    title:
      'European Commission, DG Taxation and Customs Union: "VAT rates applied in the Member States of the European Union", situation at 1 January 2025',
    url: 'https://taxation-customs.ec.europa.eu/taxation/vat/vat-directive/vat-rates_en',
    asOf: '2025-01-01',
  },
  classes: [
    { handle: 'standard', name: 'Standard rate' },
    { handle: 'reduced', name: 'Reduced rate (books, basic food)' },
  ],
  rates: [
    vat('DE', 'standard', 19),
    vat('DE', 'reduced', 7),
    vat('FR', 'standard', 20),
    vat('FR', 'reduced', 5.5),
    vat('NL', 'standard', 21),
    vat('NL', 'reduced', 9),
    vat('AT', 'standard', 20),
    vat('AT', 'reduced', 10),
    vat('IT', 'standard', 22),
    vat('IT', 'reduced', 4),
    vat('ES', 'standard', 21),
    vat('ES', 'reduced', 4),
  ],
};

/** US state sales tax: the statewide base rates only; county, city and district rates add to them. */
const us: TaxPreset = {
  key: 'us',
  name: 'US state sales tax: statewide rates of CA, NY, TX, FL and WA',
  source: {
    title: 'Tax Foundation, "State and Local Sales Tax Rates, 2025" (state rates as of 1 January 2025)',
    url: 'https://taxfoundation.org/data/all/state/sales-tax-rates-2025/',
    asOf: '2025-01-01',
  },
  classes: [{ handle: 'standard', name: 'Standard rate' }],
  rates: [
    stateTax('CA', 7.25),
    stateTax('NY', 4),
    stateTax('TX', 6.25),
    stateTax('FL', 6),
    stateTax('WA', 6.5),
  ],
};

export const taxPresets: Readonly<Record<TaxPresetKey, TaxPreset>> = { eu, us };
