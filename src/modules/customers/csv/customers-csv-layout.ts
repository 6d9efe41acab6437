/**
 * The columns of Shopify's customers export (and import template), in its order, so a file moves
 * between Shopify and Storepilot without editing (docs/customers.md, "CSV"). `Customer ID`,
 * `Total Spent` and `Total Orders` are written on export and ignored on import, as Shopify does.
 */
export const customerCsvColumns = [
  'Customer ID',
  'First Name',
  'Last Name',
  'Email',
  'Accepts Email Marketing',
  'Default Address Company',
  'Default Address Address1',
  'Default Address Address2',
  'Default Address City',
  'Default Address Province Code',
  'Default Address Country Code',
  'Default Address Zip',
  'Default Address Phone',
  'Phone',
  'Accepts SMS Marketing',
  'Total Spent',
  'Total Orders',
  'Note',
  'Tax Exempt',
  'Tags',
] as const;
export type CustomerCsvColumn = (typeof customerCsvColumns)[number];

/** The address columns, each with the address field it holds. */
export const addressColumns = {
  'Default Address Company': 'company',
  'Default Address Address1': 'line1',
  'Default Address Address2': 'line2',
  'Default Address City': 'city',
  'Default Address Province Code': 'region',
  'Default Address Country Code': 'country',
  'Default Address Zip': 'postalCode',
  'Default Address Phone': 'phone',
} as const satisfies Partial<Record<CustomerCsvColumn, string>>;

/** Shopify writes `yes` / `no`; `true`, `false` and blank (no) are read too. */
export function yesNo(value: boolean): 'yes' | 'no' {
  return value ? 'yes' : 'no';
}

export function readYesNo(cell: string): boolean | undefined {
  const v = cell.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false' || v === '') return false;
  return undefined;
}

/** `US-CA` → `CA`: Shopify's province code is the part after the country. */
export function provinceCode(region: string | null): string {
  if (!region) return '';
  const dash = region.indexOf('-');
  return dash >= 0 ? region.slice(dash + 1) : region;
}
