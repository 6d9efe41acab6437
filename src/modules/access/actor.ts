/** Who is acting: recorded in the audit log for every mutation. */
export type Actor =
  | { type: 'user'; id: string; label: string }
  | { type: 'api_key'; id: string; label: string }
  | { type: 'system'; id: null; label: string };

export const systemActor = (label: string): Actor => ({ type: 'system', id: null, label });
