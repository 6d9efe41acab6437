import { z } from 'zod';
import { readyInUnits } from './schema.ts';
import { countryCode } from './zone-input.ts';

const readyIn = z
  .object({
    /** "Ready in 2 hours": { value: 120, unit: 'minutes' }; "in 2 days": { value: 2, unit: 'days' } (business days). */
    value: z.number().int().min(0).max(100_000),
    unit: z.enum(readyInUnits),
  })
  .strict();

/** Fields without defaults, so an update that leaves one out leaves it as it is. */
const pickupFields = {
  /** One of the store's inventory locations; it must exist and be active. */
  locationId: z.string().min(1).max(64),
  /** What shoppers see: "Pick up at our Berlin shop". */
  name: z.string().trim().min(1).max(120),
  instructions: z.string().trim().max(2000).nullable(),
  readyIn: readyIn.nullable(),
  /** Shoppers of these countries are offered it (ISO 3166-1 alpha-2). */
  countries: z
    .array(countryCode)
    .min(1, 'Offer it to at least one country.')
    .max(250)
    .transform((codes) => [...new Set(codes)].sort()),
  active: z.boolean(),
};

export const createPickupInput = z
  .object({
    ...pickupFields,
    instructions: pickupFields.instructions.default(null),
    readyIn: pickupFields.readyIn.default(null),
    /** Left out: the location's own country (422 `pickup_countries_required` when it has none). */
    countries: pickupFields.countries.optional(),
    active: pickupFields.active.default(true),
  })
  .strict();
export type CreatePickupInput = z.input<typeof createPickupInput>;

export const updatePickupInput = z.object(pickupFields).partial().strict();
export type UpdatePickupInput = z.input<typeof updatePickupInput>;
