import type { CollectionInput } from './collection-queries.ts';
import type { Collection, CollectionKind, CollectionSortOrder, ConditionMatch } from './collection-types.ts';
import { type DraftRule, draftFromRule, newDraftRule, rulesFromDrafts } from './rule-fields.ts';

/** The collection editor's fields, as typed. */
export interface CollectionFormValues {
  title: string;
  handle: string;
  description: string;
  kind: CollectionKind;
  match: ConditionMatch;
  rules: DraftRule[];
  sortOrder: CollectionSortOrder;
  seoTitle: string;
  seoDescription: string;
  imageUrl: string;
  imageAlt: string;
}

export type CollectionFormErrors = Partial<Record<keyof CollectionFormValues, string>>;

export function emptyCollectionValues(): CollectionFormValues {
  return {
    title: '',
    handle: '',
    description: '',
    kind: 'rules',
    match: 'all',
    rules: [newDraftRule('tag')],
    sortOrder: 'newest',
    seoTitle: '',
    seoDescription: '',
    imageUrl: '',
    imageAlt: '',
  };
}

export function valuesFromCollection(collection: Collection, fractionDigits: number): CollectionFormValues {
  return {
    title: collection.title,
    handle: collection.handle,
    description: collection.description,
    kind: collection.kind,
    match: collection.match,
    rules: collection.rules.map((rule) => draftFromRule(rule, fractionDigits)),
    sortOrder: collection.sortOrder,
    seoTitle: collection.seoTitle ?? '',
    seoDescription: collection.seoDescription ?? '',
    imageUrl: collection.imageUrl ?? '',
    imageAlt: collection.imageAlt ?? '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/**
 * What to send: everything for a new collection, only what changed for an existing one. Refuses
 * (with errors by field) what the server would refuse anyway: no title, incomplete conditions.
 */
export function collectionInput(
  values: CollectionFormValues,
  fractionDigits: number,
  existing?: Collection,
): { ok: true; input: CollectionInput } | { ok: false; errors: CollectionFormErrors } {
  const errors: CollectionFormErrors = {};
  if (!values.title.trim()) errors.title = 'A title is required.';
  const rules = values.kind === 'rules' ? rulesFromDrafts(values.rules, fractionDigits) : [];
  if (values.kind === 'rules' && (!rules || rules.length === 0)) errors.rules = 'Complete every condition.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const full: CollectionInput = {
    title: values.title.trim(),
    description: values.description,
    match: values.match,
    rules: rules ?? [],
    sortOrder: values.sortOrder,
    seoTitle: orNull(values.seoTitle),
    seoDescription: orNull(values.seoDescription),
    imageUrl: orNull(values.imageUrl),
    imageAlt: orNull(values.imageAlt),
    ...(values.handle.trim() ? { handle: values.handle.trim() } : {}),
  };
  if (!existing) return { ok: true, input: { ...full, kind: values.kind } };
  const changes: CollectionInput = {};
  for (const key of Object.keys(full) as (keyof CollectionInput)[]) {
    const was =
      key === 'rules'
        ? existing.rules
        : key === 'handle'
          ? existing.handle
          : (existing[key as keyof Collection] ?? null);
    if (JSON.stringify(full[key]) !== JSON.stringify(was))
      (changes as Record<string, unknown>)[key] = full[key];
  }
  // Conditions mean nothing for a hand-picked collection.
  if (existing.kind === 'manual') {
    delete changes.rules;
    delete changes.match;
  }
  return { ok: true, input: changes };
}
