import { z } from 'zod';
import { isCountryCode } from '../../platform/countries/country-codes.ts';

export const countryCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCountryCode, 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.');

/**
 * An ISO 3166-2 subdivision code: the country's alpha-2 code, a hyphen and one to three letters or
 * digits (US-AK, ES-CN, FR-971). Only the form is checked: no list of every subdivision is kept.
 */
export const regionCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(c), 'Not an ISO 3166-2 region code, e.g. US-AK.');

const zoneCountry = z
  .object({
    country: countryCode,
    /** Only these regions of the country; left out or empty: the whole country. */
    regions: z
      .array(regionCode)
      .max(100)
      .default([])
      .transform((codes) => [...new Set(codes)].sort()),
  })
  .strict()
  .superRefine((entry, ctx) => {
    entry.regions.forEach((region, i) => {
      if (!region.startsWith(`${entry.country}-`)) {
        ctx.addIssue({
          code: 'custom',
          message: `${region} is not a region of ${entry.country}.`,
          path: ['regions', i],
        });
      }
    });
  });

/** Fields without defaults, so an update that leaves one out leaves it as it is. */
const zoneFields = {
  name: z.string().trim().min(1).max(120),
  /** Each country once; replaces the zone's whole list on update. */
  countries: z.array(zoneCountry).max(250),
  /** The zone for every destination no other zone names; a store has at most one. */
  restOfWorld: z.boolean(),
};

const destinationsMakeSense = (
  zone: { countries: { country: string }[]; restOfWorld: boolean },
  ctx: z.RefinementCtx,
) => {
  const seen = new Set<string>();
  zone.countries.forEach((c, i) => {
    if (seen.has(c.country)) {
      ctx.addIssue({
        code: 'custom',
        message: `${c.country} is listed twice.`,
        path: ['countries', i, 'country'],
      });
    }
    seen.add(c.country);
  });
  if (zone.restOfWorld && zone.countries.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'The rest-of-world zone covers every destination other zones leave; it lists no countries.',
      path: ['countries'],
    });
  }
  if (!zone.restOfWorld && zone.countries.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'List at least one country (or make it the rest-of-world zone).',
      path: ['countries'],
    });
  }
};

export const createZoneInput = z
  .object({
    ...zoneFields,
    countries: zoneFields.countries.default([]),
    restOfWorld: zoneFields.restOfWorld.default(false),
  })
  .strict()
  .superRefine(destinationsMakeSense);
export type CreateZoneInput = z.input<typeof createZoneInput>;

export const updateZoneInput = z.object(zoneFields).partial().strict();
export type UpdateZoneInput = z.input<typeof updateZoneInput>;
