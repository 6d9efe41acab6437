import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AddressProblem, addressInput } from './address-input.ts';

const base = { firstName: 'Ada', lastName: 'Lind', line1: '1 Main Street', city: 'Springfield' };

/** Each country's rule, by example: what is refused, and why. */
const cases: {
  name: string;
  address: Record<string, unknown>;
  problems?: Partial<Record<string, AddressProblem>>;
  region?: string | null;
  postalCode?: string | null;
}[] = [
  {
    name: 'US needs a state',
    address: { country: 'US', postalCode: '62701' },
    problems: { region: 'region_required' },
  },
  {
    name: 'US needs a ZIP code',
    address: { country: 'US', region: 'US-IL' },
    problems: { postalCode: 'postal_code_required' },
  },
  {
    name: 'US with state and ZIP',
    address: { country: 'us', region: 'US-IL', postalCode: '62701' },
    region: 'US-IL',
  },
  {
    name: 'a bare state code is read as the country’s',
    address: { country: 'US', region: 'il', postalCode: '62701' },
    region: 'US-IL',
  },
  {
    name: 'a state of another country is refused',
    address: { country: 'US', region: 'CA-ON', postalCode: '62701' },
    problems: { region: 'region_of_other_country' },
  },
  {
    name: 'a state that does not exist is refused',
    address: { country: 'US', region: 'US-XX', postalCode: '62701' },
    problems: { region: 'region_unknown' },
  },
  {
    name: 'Canada needs a province',
    address: { country: 'CA', postalCode: 'K1A 0B1' },
    problems: { region: 'region_required' },
  },
  {
    name: 'Australia: NSW',
    address: { country: 'AU', region: 'AU-NSW', postalCode: '2000' },
    region: 'AU-NSW',
  },
  {
    name: 'Japan: a prefecture by number',
    address: { country: 'JP', region: 'JP-13', postalCode: '100-0001' },
    region: 'JP-13',
  },
  {
    name: 'GB needs a postcode',
    address: { country: 'GB' },
    problems: { postalCode: 'postal_code_required' },
  },
  {
    name: 'GB postcode tidied',
    address: { country: 'GB', postalCode: ' sw1a   1aa ' },
    postalCode: 'SW1A 1AA',
  },
  { name: 'Ireland needs no postcode', address: { country: 'IE' }, postalCode: null, region: null },
  { name: 'Hong Kong has no postcodes', address: { country: 'HK' }, postalCode: null },
  {
    name: 'Germany needs a postcode, no region',
    address: { country: 'DE', postalCode: '10115' },
    region: null,
  },
  {
    name: 'a region where none is needed must still be of the country',
    address: { country: 'DE', postalCode: '10115', region: 'FR-75' },
    problems: { region: 'region_of_other_country' },
  },
  {
    name: 'a well-formed region where none is listed is kept',
    address: { country: 'ES', postalCode: '28001', region: 'es-m' },
    region: 'ES-M',
  },
  {
    name: 'an unknown country',
    address: { country: 'UK', postalCode: 'SW1A 1AA' },
    problems: { country: 'country_unknown' },
  },
  {
    name: 'letters in a phone number',
    address: { country: 'IE', phone: 'call me' },
    problems: { phone: 'phone_invalid' },
  },
];

for (const c of cases) {
  test(`address rules: ${c.name}`, () => {
    const result = addressInput.safeParse({ ...base, ...c.address });
    if (c.problems) {
      assert.equal(result.success, false);
      const found = Object.fromEntries(
        result.error!.issues.map((i) => [
          String(i.path[0]),
          (i as { params?: { reason?: string } }).params?.reason,
        ]),
      );
      assert.deepEqual(found, c.problems);
      return;
    }
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    if (c.region !== undefined) assert.equal(result.data.region, c.region);
    if (c.postalCode !== undefined) assert.equal(result.data.postalCode, c.postalCode);
  });
}

test('address rules: names, street and city are required; blank optional fields are none; unknown fields refused', () => {
  const missing = addressInput.safeParse({ country: 'IE', firstName: ' ', line1: '', city: 'Cork' });
  assert.equal(missing.success, false);
  assert.deepEqual(missing.error!.issues.map((i) => i.path[0]).sort(), ['firstName', 'lastName', 'line1']);
  const ok = addressInput.parse({ ...base, country: 'IE', company: '  ', line2: '', phone: '' });
  assert.deepEqual([ok.company, ok.line2, ok.phone], [null, null, null]);
  assert.equal(addressInput.safeParse({ ...base, country: 'IE', isAdmin: true }).success, false);
});

test('address rules: a missing name does not hide the country’s problems (a form shows them all at once)', () => {
  const result = addressInput.safeParse({
    firstName: 'Ada',
    line1: '1 Main St',
    city: 'Boston',
    country: 'US',
  });
  assert.equal(result.success, false);
  assert.deepEqual(result.error!.issues.map((i) => i.path[0]).sort(), ['lastName', 'postalCode', 'region']);
});
