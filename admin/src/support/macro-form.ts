import type { Macro } from './support-types.ts';

/** What the macro editor sends (PUT / POST `/support/macros`). */
export interface MacroInputBody {
  name: string;
  body: string;
  localeBodies: Record<string, string>;
  keywords: string[];
  actions: Macro['actions'];
}

/** The editor's fields as typed: keywords and tags as comma lists. */
export interface MacroFormValues {
  name: string;
  body: string;
  localeBodies: Record<string, string>;
  keywords: string;
  status: '' | 'open' | 'pending' | 'solved';
  addTags: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

export function macroFormValues(macro: Macro | null): MacroFormValues {
  return {
    name: macro?.name ?? '',
    body: macro?.body ?? '',
    localeBodies: { ...(macro?.localeBodies ?? {}) },
    keywords: (macro?.keywords ?? []).join(', '),
    status: macro?.actions.status ?? '',
    addTags: (macro?.actions.addTags ?? []).join(', '),
  };
}

export function macroInputOf(values: MacroFormValues): MacroInputBody {
  const tags = list(values.addTags);
  return {
    name: values.name,
    body: values.body,
    localeBodies: Object.fromEntries(Object.entries(values.localeBodies).filter(([, text]) => text.trim())),
    keywords: list(values.keywords),
    actions: {
      ...(values.status ? { status: values.status } : {}),
      ...(tags.length ? { addTags: tags } : {}),
    },
  };
}
