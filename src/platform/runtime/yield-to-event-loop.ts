import { setImmediate as immediate } from 'node:timers/promises';

/**
 * Lets the event loop take a turn (signals, timers, sockets) between units of long work. The
 * embedded database runs each query synchronously inside a promise, so a loop of awaited queries is
 * one unbroken chain of microtasks: without this, a stop signal, a request or a timer waits until
 * the whole loop is done (a demo seed, a batch of events, a rollup of many days).
 */
export async function yieldToEventLoop(): Promise<void> {
  await immediate();
}
