import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Where browser tests of the admin leave their screenshots for people to look at. */
const screensDir = new URL('../../scratch/screens/', import.meta.url).pathname;

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

/**
 * A screenshot of the admin for people to look at: scratch/screens/<name>.png, taken as
 * screenshotWithoutToasts takes it. With `height` it is taken in a window that tall (put back after),
 * so a drawer that scrolls inside the window shows whole; `scrollToTop` is scrolled to its top first.
 */
export async function screenshotScreen(
  page: Page,
  name: string,
  options: { height?: number; scrollToTop?: Locator } = {},
): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  const viewport = page.viewportSize();
  const resize = viewport !== null && options.height !== undefined && options.height !== viewport.height;
  if (resize) await page.setViewportSize({ width: viewport.width, height: options.height! });
  await options.scrollToTop?.evaluate((element) => element.scrollTo(0, 0));
  await screenshotWithoutToasts(page, `${screensDir}${name}.png`);
  if (resize) await page.setViewportSize(viewport);
}

/** A link of the store's section navigation (Inventory, Purchasing, …). */
export function storeNavLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Store sections' }).getByRole('link', { name, exact: true });
}

/** The badges that read exactly `text` (a state such as "Draft"). */
export function badge(page: Page, text: string): Locator {
  return page.locator('.mantine-Badge-root', { hasText: new RegExp(`^${text}$`) });
}

/**
 * The text of each body row of a table, cell by cell, white space folded. `shown` (the default) reads
 * a cell as the browser shows it: what this width hides reads empty, stacked lines are apart, and a
 * cell holding an input reads as the input's value. `text` reads each cell's whole text content
 * instead, hidden parts too and lines run together.
 */
export function tableRows(table: Locator, read: 'shown' | 'text' = 'shown'): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll(
    (rows, read) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('td'), (cell) => {
          if (read === 'text') return (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
          const input = cell.querySelector('input');
          // biome-ignore lint/performance/useDomNodeTextContent: the text as shown is wanted.
          return input ? input.value : cell.innerText.replace(/\s+/g, ' ').trim();
        }),
      ),
    read,
  );
}
