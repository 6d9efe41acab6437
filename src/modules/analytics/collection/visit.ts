import { randomBytes } from 'node:crypto';

/** Where a session came from: UTM parameters, a click id or the referrer, grouped into a channel. */
export interface TrafficSource {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
  channel: string;
  referrerHost: string | null;
}

/** The session's attributes, copied onto each of its events. */
export interface SessionState extends TrafficSource {
  id: string;
  landingPath: string;
}

export const directSource: TrafficSource = {
  source: null,
  medium: null,
  campaign: null,
  term: null,
  content: null,
  channel: 'Direct',
  referrerHost: null,
};

/** GA4's session timeout: 30 minutes without an event ends a session. */
export const sessionTimeoutMs = 30 * 60 * 1000;

export function newVisitorId(): string {
  return `v_${randomBytes(12).toString('base64url')}`;
}

export function newSessionId(): string {
  return `s_${randomBytes(12).toString('base64url')}`;
}

/** A key that differs when the campaign differs: a new campaign starts a new session. */
export function sourceKey(source: TrafficSource): string {
  return [source.source, source.medium, source.campaign, source.term, source.content]
    .map((v) => v ?? '')
    .join('\u0001');
}

/**
 * The session this request belongs to. `arriving` is the traffic source the request itself
 * carries (UTM parameters, a click id, another site's referrer), or null when it carries none (a
 * click inside the store, a typed address). A live session continues unless the request arrives
 * from a different source; otherwise a new one starts, from `arriving` or else Direct.
 */
export function continueOrStartSession(
  current: SessionState | null,
  arriving: TrafficSource | null,
  landingPath: string,
): { session: SessionState; started: boolean } {
  if (current && (!arriving || sourceKey(arriving) === sourceKey(current))) {
    return { session: current, started: false };
  }
  const from = arriving ?? directSource;
  return { session: { ...from, id: newSessionId(), landingPath }, started: true };
}

// The session cookie carries its own attributes, so any instance continues it without a lookup.
// Short keys keep it small; the values are the shopper's own UTM parameters, so nothing secret.
const cookieKeys = [
  'id',
  'source',
  'medium',
  'campaign',
  'term',
  'content',
  'channel',
  'referrerHost',
  'landingPath',
] as const;
/** Values are cut to this length in the cookie (a UTM parameter can be any length). */
const maxValueLength = 120;

export function encodeSessionCookie(session: SessionState): string {
  return Buffer.from(
    JSON.stringify(
      cookieKeys.map((k) => (session[k] === null ? null : String(session[k]).slice(0, maxValueLength))),
    ),
  ).toString('base64url');
}

export function decodeSessionCookie(value: string | undefined): SessionState | null {
  if (!value || value.length > 2_000) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== cookieKeys.length) return null;
    if (!parsed.every((v) => v === null || typeof v === 'string')) return null;
    const state = Object.fromEntries(cookieKeys.map((k, i) => [k, parsed[i]])) as Record<
      string,
      string | null
    >;
    if (!state.id?.startsWith('s_') || !state.channel || state.landingPath === null) return null;
    return state as unknown as SessionState;
  } catch {
    return null;
  }
}

/** Visitor ids this code wrote (cookie values are the shopper's to change; anything else is ignored). */
export function isVisitorId(value: string | undefined): value is string {
  return typeof value === 'string' && /^v_[A-Za-z0-9_-]{16}$/.test(value);
}
