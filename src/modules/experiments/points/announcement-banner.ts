import { z } from 'zod';
import { defineExperimentPoint } from './experiment-point.ts';

export interface Banner {
  text: string;
  link: string | null;
}

/**
 * The announcement banner above every home and product page: a variant shows one (text, optional
 * link on the store) or none (`{ "show": false }`, usually the control).
 */
export const announcementBanner = defineExperimentPoint<
  { show: boolean; text?: string | undefined; link?: string | undefined },
  Banner | null
>({
  key: 'announcement_banner',
  description: 'A banner at the top of home and product pages: shown with a text and link, or not.',
  schema: z
    .object({
      show: z.boolean(),
      text: z.string().trim().min(1).max(200).optional(),
      // A path on the store, or an https address: never `javascript:` and the like.
      link: z
        .string()
        .max(500)
        .regex(/^(\/(?!\/)|https:\/\/)/, 'a path starting with / or an https:// address')
        .optional(),
    })
    .strict()
    .refine((c) => !c.show || c.text !== undefined, { message: 'a shown banner has a text', path: ['text'] }),
  pageKinds: ['home', 'product'],
  appearsOn: (_change, page) => page.kind === 'home' || page.kind === 'product',
  apply: (change, banner) => (change.show ? { text: change.text!, link: change.link ?? null } : banner),
});
