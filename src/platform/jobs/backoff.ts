/** How long to wait before the next attempt after a failure: exponential, capped, with jitter. */
export interface RetryPolicy {
  /** The delay after the first failure is twice this; each further failure doubles it. Default 1 s. */
  baseMs: number;
  /** The longest wait between attempts. Default 1 hour. */
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 1000, maxMs: 60 * 60 * 1000 };

/**
 * The wait after failed attempt number `attempt` (1-based): base·2^attempt, capped, then spread over
 * 75–100 % of that so that many jobs failing together (a receiver that was down) do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponential = policy.baseMs * 2 ** Math.min(Math.max(attempt, 1), 40);
  const capped = Math.min(exponential, policy.maxMs);
  return Math.round(capped * (0.75 + Math.random() * 0.25));
}
