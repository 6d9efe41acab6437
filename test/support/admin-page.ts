import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Waits until `read` returns what `want` accepts (screens refetch after a change). */
export async function eventually<T>(
  read: () => Promise<T>,
  want: (value: T) => boolean,
  what: string,
): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && !want(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  assert.ok(want(value), `${what}: got ${JSON.stringify(value)}`);
  return value;
}

/** A full-page screenshot without the notifications in the corner, once transitions have settled. */
export async function screenshotWithoutToasts(page: Page, path: string): Promise<void> {
  const closers = page.locator('.mantine-Notification-closeButton');
  // Closing one can bring a queued one in, so close until none is left.
  await eventually(
    async () => {
      for (const closer of await closers.all()) await closer.click({ force: true }).catch(() => {});
      return closers.count();
    },
    (n) => n === 0,
    'notifications closed',
  );
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: true });
}
