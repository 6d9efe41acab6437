import { badRequest } from '../../platform/errors.ts';

/** `product.updated`, or a wildcard over a family: `product.*`. */
const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?$/;
const MAX_EVENT_TYPES = 100;

/** Checks and de-duplicates an endpoint's event-type filter; an empty list means every event. */
export function normaliseEventTypes(eventTypes: readonly string[]): string[] {
  const cleaned = [...new Set(eventTypes.map((t) => t.trim()))];
  const invalid = cleaned.filter((t) => t.length > 100 || !EVENT_TYPE_PATTERN.test(t));
  if (invalid.length > 0) {
    throw badRequest(
      'invalid_event_type',
      'Event types look like "product.updated" or "product.*" (lowercase, dot-separated).',
      { eventTypes: invalid },
    );
  }
  if (cleaned.length > MAX_EVENT_TYPES) {
    throw badRequest(
      'too_many_event_types',
      `An endpoint can filter on at most ${MAX_EVENT_TYPES} event types.`,
    );
  }
  return cleaned.sort();
}

/** Whether an endpoint with this filter receives events of `type`. */
export function endpointWantsEvent(eventTypes: readonly string[], type: string): boolean {
  if (eventTypes.length === 0) return true;
  return eventTypes.some((t) => (t.endsWith('.*') ? type.startsWith(t.slice(0, -1)) : t === type));
}
