import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { StorepilotApp } from '../../src/app.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { TestDatabaseTarget } from '../../src/platform/db/test-database.ts';
import { startTestApp } from './app-harness.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or undefined when they can. CI sets STOREPILOT_REQUIRE_BROWSER
 * so a missing browser fails there instead of skipping.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.STOREPILOT_REQUIRE_BROWSER) throw new Error(`Browser tests are required: ${reason}`);
  console.log(`# skipping browser tests: ${reason}`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in to the admin console at baseUrl in a page of its own browser context (so with its own
 * cookies: several people can be signed in at once), and returns the page once the console shows
 * its store switcher. Closing the page closes its context too. The options are the context's; the
 * viewport is 1280×900 unless they say otherwise.
 */
export async function signInToAdmin(
  browser: Browser,
  baseUrl: string,
  login: { email: string; password: string },
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('store-switcher').waitFor();
  return page;
}

/** What a browser test of the admin console runs against (see startAdminInChromium). */
export interface AdminInChromium {
  database: Database;
  sp: StorepilotApp;
  /** Where the app listens, e.g. http://127.0.0.1:41234. */
  base: string;
  chromium: Browser;
  /** signInToAdmin on this app; the page gives up waiting for what it looks for after 10 s. */
  signIn(login: { email: string; password: string }, options?: BrowserContextOptions): Promise<Page>;
  /** Closes Chromium, the app and the database. */
  close(): Promise<void>;
}

/**
 * The app on a new database of `target` (built by `startApp`: startTestApp, with background work
 * off, unless the test needs another), listening on a free local port, and Chromium to drive it.
 * What was started is closed again if a later step fails.
 */
export async function startAdminInChromium(
  target: TestDatabaseTarget,
  startApp: (database: Database) => Promise<StorepilotApp> = startTestApp,
): Promise<AdminInChromium> {
  const database = await target.create();
  let sp: StorepilotApp | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await sp?.close();
    await database.close();
  };
  try {
    sp = await startApp(database);
    const base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
    const chromium = await launchChromium();
    browser = chromium;
    const signIn = async (login: { email: string; password: string }, options?: BrowserContextOptions) => {
      const page = await signInToAdmin(chromium, base, login, options);
      page.setDefaultTimeout(10_000);
      return page;
    };
    return { database, sp, base, chromium, signIn, close };
  } catch (error) {
    await close();
    throw error;
  }
}
