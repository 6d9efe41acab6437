import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../../test/support/app-harness.ts';

export const SHOP_HOST = 'shop.test';

/**
 * A browser without script for the checkout's and order pages' tests: keeps its cookies, sends
 * form posts as a page of this site would (`Sec-Fetch-Site: same-origin`), and JSON as a headless
 * client would.
 */
export class TestShopper {
  cookies = new Map<string, string>();

  constructor(private readonly sp: TestApp) {}

  get(url: string, headers: Record<string, string> = {}) {
    return this.send({ method: 'GET', url, headers });
  }

  /** A form post from a page of this site (`fetchSite: 'cross-site'` to pretend another site's page). */
  post(url: string, fields: Record<string, string>, options: { fetchSite?: string } = {}) {
    return this.send({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': options.fetchSite ?? 'same-origin',
      },
    });
  }

  json(url: string, body: unknown, headers: Record<string, string> = {}) {
    return this.send({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  raw(options: InjectOptions) {
    return this.send(options);
  }

  private async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.sp.app.inject({
      ...options,
      headers: { host: SHOP_HOST, ...(cookie ? { cookie } : {}), ...options.headers },
    } as InjectOptions);
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
export const hiddenOf = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** The page's words, without tags, with spaces as a reader sees them. */
export const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0|\u202f/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
