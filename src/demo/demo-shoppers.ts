import type { CartAddressInput } from '../modules/checkout/index.ts';

/**
 * The demo's customers: a small fixed cast per country, with addresses that pass each country's
 * rules (postal codes, regions for the US, Japan, Canada and Australia), so the demo's orders read
 * like a real shop's. All e-mail addresses are at example domains (RFC 2606): nothing is ever sent.
 */
export interface DemoShopper {
  firstName: string;
  lastName: string;
  address: Omit<CartAddressInput, 'firstName' | 'lastName'>;
}

const shopper = (firstName: string, lastName: string, address: DemoShopper['address']): DemoShopper => ({
  firstName,
  lastName,
  address,
});

export const demoShoppers: Record<string, readonly DemoShopper[]> = {
  DE: [
    shopper('Lena', 'Hoffmann', {
      line1: 'Schanzenstraße 41',
      city: 'Hamburg',
      postalCode: '20357',
      country: 'DE',
    }),
    shopper('Jonas', 'Becker', {
      line1: 'Kastanienallee 12',
      city: 'Berlin',
      postalCode: '10435',
      country: 'DE',
    }),
    shopper('Marie', 'Schulz', {
      line1: 'Leopoldstraße 88',
      city: 'München',
      postalCode: '80802',
      country: 'DE',
    }),
    shopper('Felix', 'Wagner', { line1: 'Ehrenstraße 7', city: 'Köln', postalCode: '50672', country: 'DE' }),
    shopper('Sophie', 'Richter', {
      line1: 'Königstraße 23',
      city: 'Stuttgart',
      postalCode: '70173',
      country: 'DE',
    }),
    shopper('Paul', 'Neumann', {
      line1: 'Berger Straße 160',
      city: 'Frankfurt am Main',
      postalCode: '60385',
      country: 'DE',
    }),
    shopper('Hannah', 'Krüger', {
      line1: 'Karl-Liebknecht-Straße 5',
      city: 'Leipzig',
      postalCode: '04107',
      country: 'DE',
    }),
    shopper('Lukas', 'Braun', {
      line1: 'Ostertorsteinweg 30',
      city: 'Bremen',
      postalCode: '28203',
      country: 'DE',
    }),
    shopper('Emma', 'Zimmermann', {
      line1: 'Hauptstraße 112',
      city: 'Heidelberg',
      postalCode: '69117',
      country: 'DE',
    }),
    shopper('Noah', 'Hartmann', {
      line1: 'Lindenstraße 4',
      city: 'Münster',
      postalCode: '48143',
      country: 'DE',
    }),
  ],
  FR: [
    shopper('Camille', 'Moreau', {
      line1: '14 rue Oberkampf',
      city: 'Paris',
      postalCode: '75011',
      country: 'FR',
    }),
    shopper('Louis', 'Girard', {
      line1: '8 place Bellecour',
      city: 'Lyon',
      postalCode: '69002',
      country: 'FR',
    }),
    shopper('Chloé', 'Lambert', {
      line1: '22 cours Julien',
      city: 'Marseille',
      postalCode: '13006',
      country: 'FR',
    }),
  ],
  NL: [
    shopper('Sanne', 'de Vries', {
      line1: 'Prinsengracht 263',
      city: 'Amsterdam',
      postalCode: '1016 GV',
      country: 'NL',
    }),
    shopper('Daan', 'Jansen', {
      line1: 'Oudegracht 150',
      city: 'Utrecht',
      postalCode: '3511 AZ',
      country: 'NL',
    }),
  ],
  AT: [
    shopper('Anna', 'Gruber', { line1: 'Neubaugasse 25', city: 'Wien', postalCode: '1070', country: 'AT' }),
    shopper('Tobias', 'Huber', {
      line1: 'Getreidegasse 9',
      city: 'Salzburg',
      postalCode: '5020',
      country: 'AT',
    }),
  ],
  IT: [
    shopper('Giulia', 'Rossi', {
      line1: 'Via Tortona 31',
      city: 'Milano',
      postalCode: '20144',
      country: 'IT',
    }),
    shopper('Marco', 'Bianchi', {
      line1: 'Via dei Serragli 54',
      city: 'Firenze',
      postalCode: '50124',
      country: 'IT',
    }),
  ],
  ES: [
    shopper('Lucía', 'García', {
      line1: 'Carrer de Verdi 18',
      city: 'Barcelona',
      postalCode: '08012',
      country: 'ES',
    }),
    shopper('Javier', 'Martín', {
      line1: 'Calle de Fuencarral 70',
      city: 'Madrid',
      postalCode: '28004',
      country: 'ES',
    }),
  ],
  BE: [
    shopper('Elise', 'Peeters', {
      line1: 'Vlaamsekaai 12',
      city: 'Antwerpen',
      postalCode: '2000',
      country: 'BE',
    }),
  ],
  IE: [
    shopper('Aoife', 'Murphy', {
      line1: '21 Camden Street Lower',
      city: 'Dublin',
      postalCode: 'D02 XE80',
      country: 'IE',
    }),
  ],
  GB: [
    shopper('Olivia', 'Bennett', {
      line1: '42 Columbia Road',
      city: 'London',
      postalCode: 'E2 7RG',
      country: 'GB',
    }),
    shopper('Harry', 'Clarke', {
      line1: '9 Thomas Street',
      city: 'Manchester',
      postalCode: 'M4 1EU',
      country: 'GB',
    }),
    shopper('Isla', 'Campbell', {
      line1: '17 Broughton Street',
      city: 'Edinburgh',
      postalCode: 'EH1 3JU',
      country: 'GB',
    }),
    shopper('George', 'Evans', {
      line1: '3 Park Street',
      city: 'Bristol',
      postalCode: 'BS1 5NF',
      country: 'GB',
    }),
    shopper('Amelia', 'Hughes', {
      line1: '58 North Road',
      city: 'Brighton',
      postalCode: 'BN1 1YD',
      country: 'GB',
    }),
  ],
  US: [
    shopper('Emily', 'Carter', {
      line1: '1420 Valencia Street',
      city: 'San Francisco',
      region: 'US-CA',
      postalCode: '94110',
      country: 'US',
    }),
    shopper('Michael', 'Nguyen', {
      line1: '88 Bedford Avenue',
      city: 'Brooklyn',
      region: 'US-NY',
      postalCode: '11211',
      country: 'US',
    }),
    shopper('Sarah', 'Thompson', {
      line1: '2301 South Lamar Blvd',
      city: 'Austin',
      region: 'US-TX',
      postalCode: '78704',
      country: 'US',
    }),
    shopper('David', 'Kim', {
      line1: '410 Pike Street',
      city: 'Seattle',
      region: 'US-WA',
      postalCode: '98101',
      country: 'US',
    }),
    shopper('Jessica', 'Alvarez', {
      line1: '900 SE Hawthorne Blvd',
      city: 'Portland',
      region: 'US-OR',
      postalCode: '97214',
      country: 'US',
    }),
    shopper('Ryan', 'Walsh', {
      line1: '75 Newbury Street',
      city: 'Boston',
      region: 'US-MA',
      postalCode: '02116',
      country: 'US',
    }),
  ],
  JP: [
    shopper('Yuki', 'Tanaka', {
      line1: '2-14-5 Jingumae',
      city: 'Shibuya-ku',
      region: 'JP-13',
      postalCode: '150-0001',
      country: 'JP',
    }),
    shopper('Haruto', 'Sato', {
      line1: '3-8-1 Nishiki',
      city: 'Nagoya',
      region: 'JP-23',
      postalCode: '460-0003',
      country: 'JP',
    }),
    shopper('Aoi', 'Suzuki', {
      line1: '1-6-2 Gion',
      city: 'Kyoto',
      region: 'JP-26',
      postalCode: '605-0073',
      country: 'JP',
    }),
  ],
  CH: [
    shopper('Laura', 'Meier', {
      line1: 'Langstrasse 120',
      city: 'Zürich',
      postalCode: '8004',
      country: 'CH',
    }),
  ],
  NO: [
    shopper('Ingrid', 'Hansen', { line1: 'Markveien 35', city: 'Oslo', postalCode: '0554', country: 'NO' }),
  ],
  CA: [
    shopper('Chloe', 'Tremblay', {
      line1: '4120 Rue Saint-Denis',
      city: 'Montréal',
      region: 'CA-QC',
      postalCode: 'H2W 2M5',
      country: 'CA',
    }),
  ],
  AU: [
    shopper('Jack', 'Wilson', {
      line1: '12 Brunswick Street',
      city: 'Fitzroy',
      region: 'AU-VIC',
      postalCode: '3065',
      country: 'AU',
    }),
  ],
};

/** Where orders come from, as weights: mostly Germany and the EU, then the UK, the US, Japan, the rest. */
export const demoCountryWeights: readonly [string, number][] = [
  ['DE', 34],
  ['FR', 6],
  ['NL', 5],
  ['AT', 4],
  ['IT', 3],
  ['ES', 3],
  ['BE', 2],
  ['IE', 2],
  ['GB', 15],
  ['US', 16],
  ['JP', 6],
  ['CH', 2],
  ['NO', 1],
  ['CA', 1],
  ['AU', 1],
];

/** The shopper's e-mail, at an example domain. */
export function demoEmailOf(s: DemoShopper): string {
  const local = `${s.firstName}.${s.lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]+/g, '')
    .toLowerCase();
  return `${local}@example.${s.address.country === 'DE' ? 'net' : 'com'}`;
}
