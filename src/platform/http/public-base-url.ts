import type { FastifyRequest } from 'fastify';

/**
 * Where absolute links to this installation start (no trailing slash): the configured public URL
 * (`STOREPILOT_PUBLIC_URL`, e.g. `https://shops.example.com` or `https://example.com/shop`), else the
 * scheme and host the request came in on. The storefront's links, sitemap and Merchant feed and the
 * product export's media URLs all start here.
 */
export function requestBaseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ? configuredBaseUrl(publicUrl) : `${request.protocol}://${request.host}`;
}

/** The configured public URL as a base: its origin and path, without a trailing slash. */
export function configuredBaseUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The base for work done without a request (the CLI on its own database): the configured public
 * URL, else the address `storepilot start` announces for these settings.
 */
export function installationBaseUrl(config: { publicUrl?: string; host: string; port: number }): string {
  if (config.publicUrl) return configuredBaseUrl(config.publicUrl);
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}
