import { z } from 'zod';
import { ticketTags } from '../ticket-input.ts';

const macroBody = z.string().trim().min(1, 'Write the answer.').max(20_000);

/** A macro as created or replaced (PUT semantics for the texts; every field but `name` and `body` optional). */
export const macroInput = z
  .object({
    name: z.string().trim().min(1, 'Give the macro a name.').max(120),
    body: macroBody,
    /** The answer in other languages of the store, keyed by locale (`de`, `fr-CA`). */
    localeBodies: z
      .record(
        z
          .string()
          .trim()
          .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'A language such as de or fr-CA.'),
        macroBody,
      )
      .refine((bodies) => Object.keys(bodies).length <= 30, 'At most 30 languages.')
      .default({}),
    keywords: z
      .array(z.string().trim().toLowerCase().min(2).max(80))
      .max(30)
      .default([])
      .transform((words) => [...new Set(words)]),
    actions: z
      .object({
        status: z.enum(['open', 'pending', 'solved']).optional(),
        addTags: ticketTags.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type MacroInput = z.input<typeof macroInput>;

/** Rendering an unsaved macro text against a ticket (the macro editor's live preview). */
export const macroPreviewInput = z
  .object({ body: z.string().max(20_000), locale: z.string().max(35).optional() })
  .strict();

/** Rendering a saved macro: the language may be chosen instead of the customer's. */
export const macroRenderInput = z
  .object({ locale: z.string().max(35).optional() })
  .strict()
  .nullish();
