import { z } from 'zod';
import { HANDLE_PATTERN } from '../handles.ts';

/** Text in another locale; empty or null means "not translated" (the default locale shows instead). */
const translatedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

// The same bounds as the default-locale fields (product-input.ts), so a translation fits wherever the original does.
export const translationInput = z
  .object({
    title: translatedText(255),
    /** HTML, shown through the same allowlist as the default description. */
    description: translatedText(100_000),
    seoTitle: translatedText(200),
    seoDescription: translatedText(400),
    /** The product's address in this locale (`/<locale>/products/<handle>`); none keeps the default handle. */
    handle: z
      .string()
      .trim()
      .max(100)
      .refine((v) => v === '' || HANDLE_PATTERN.test(v), 'Use lowercase letters, digits and single hyphens.')
      .nullish()
      .transform((v) => v || null),
    /** By the option's default-locale name: its name and its values (by default-locale value) here. */
    options: z
      .record(
        z.string().max(60),
        z
          .object({
            name: translatedText(60),
            values: z.record(z.string().max(120), translatedText(120)).default({}),
          })
          .strict(),
      )
      .default({}),
    /** Alt text by image id. */
    images: z.record(z.string().max(64), translatedText(512)).default({}),
  })
  .strict();

export type TranslationInput = z.input<typeof translationInput>;
