import { z } from 'zod';
import { segmentConditions, segmentMatches } from './segment-conditions.ts';

const name = z.string().trim().min(1, 'Give the segment a name.').max(120);

/** A new segment: its name, whether all or any of its rules must hold, and the rules. */
export const segmentInput = z
  .object({ name, match: z.enum(segmentMatches).default('all'), rules: segmentConditions })
  .strict();
export type SegmentInput = z.input<typeof segmentInput>;

/** A change: any of the three; the rules replace the list. */
export const segmentPatchInput = z
  .object({ name, match: z.enum(segmentMatches), rules: segmentConditions })
  .partial()
  .strict();
export type SegmentPatchInput = z.input<typeof segmentPatchInput>;

/** Rules to try before saving them (the builder's live count). */
export const segmentPreviewInput = z
  .object({
    match: z.enum(segmentMatches).default('all'),
    rules: segmentConditions,
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();
export type SegmentPreviewInput = z.input<typeof segmentPreviewInput>;
