import { z } from 'zod';
import { localeTagSchema } from '../access/index.ts';
import { transactionalTemplateKeys } from './template-keys.ts';

export const SUBJECT_MAX_CHARS = 500;
export const BODY_MAX_CHARS = 100_000;

export const templateParams = z.object({
  store: z.string().min(1).max(64),
  key: z.enum(transactionalTemplateKeys),
  locale: localeTagSchema,
});

/** A store's own text of one e-mail: Liquid for the subject (text) and the body (HTML). */
export const templateTextInput = z.object({
  subject: z.string().trim().min(1).max(SUBJECT_MAX_CHARS),
  body: z.string().trim().min(1).max(BODY_MAX_CHARS),
});

/** Render a text (the editor's, unsaved) or the saved one, with the example variables or given ones. */
export const previewInput = z.object({
  subject: z.string().max(SUBJECT_MAX_CHARS).optional(),
  body: z.string().max(BODY_MAX_CHARS).optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});

/** A test e-mail of a text (the editor's, unsaved) or of the saved one, with the example variables. */
export const testSendInput = previewInput.omit({ variables: true });
