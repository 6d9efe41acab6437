import { conflict } from '../../platform/errors.ts';
import type { ExperimentStatus } from './schema.ts';

/**
 * draft → running → stopped → shipped; a stopped test may run again, a shipped one is final.
 * A running test can be shipped directly (stop and ship the winner in one click).
 */
const transitions: Record<ExperimentStatus, readonly ExperimentStatus[]> = {
  draft: ['running'],
  running: ['stopped', 'shipped'],
  stopped: ['running', 'shipped'],
  shipped: [],
};

export function assertTransition(from: ExperimentStatus, to: ExperimentStatus): void {
  if (!transitions[from].includes(to)) {
    throw conflict('illegal_transition', `An experiment that is ${from} cannot become ${to}.`, {
      from,
      to,
      allowed: transitions[from],
    });
  }
}
