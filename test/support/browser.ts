import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

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
