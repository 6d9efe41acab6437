import { z } from 'zod';
import { experimentMetrics } from './schema.ts';

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

const variantInput = z
  .object({
    key: slug,
    name: z.string().trim().min(1).max(120),
    weight: z.number().positive().max(1_000_000),
    change: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
  .transform((c) => c.toUpperCase());

export const targetingInput = z
  .object({
    audience: z.enum(['all', 'new_visitors']).default('all'),
    devices: z
      .array(z.enum(['mobile', 'desktop']))
      .min(1)
      .max(2)
      .optional(),
    countries: z.array(countryCode).min(1).max(250).optional(),
  })
  .strict();

/** An experiment as the admin API takes it (create, and the whole definition on update). */
export const experimentInput = z
  .object({
    key: slug,
    name: z.string().trim().min(1).max(200),
    hypothesis: z.string().max(5_000).default(''),
    point: z.string().min(1).max(64),
    variants: z.array(variantInput).min(2).max(10),
    targeting: targetingInput.default({ audience: 'all' }),
    primaryMetric: z.enum(experimentMetrics),
    secondaryMetrics: z.array(z.enum(experimentMetrics)).max(experimentMetrics.length).default([]),
    guardrailMetrics: z.array(z.enum(experimentMetrics)).max(experimentMetrics.length).default([]),
    startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    stopsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict();

export type ExperimentInput = z.input<typeof experimentInput>;
