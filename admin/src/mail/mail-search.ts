import { type MailState, mailStates } from './mail-types.ts';

/** The outbox's state lives in the address: the state filter and the message whose drawer is open. */
export interface MailSearch {
  state?: MailState;
  /** The message whose drawer is open. */
  message?: string;
}

/** Reads the address's search part; anything the screen would not understand is dropped. */
export function parseMailSearch(search: Record<string, unknown>): MailSearch {
  const parsed: MailSearch = {};
  const { state, message } = search;
  if (typeof state === 'string' && (mailStates as readonly string[]).includes(state)) {
    parsed.state = state as MailState;
  }
  if (typeof message === 'string' && /^mail_[0-9a-z]{26}$/.test(message)) parsed.message = message;
  return parsed;
}
