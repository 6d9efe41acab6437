import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { storefrontCss } from './styles.ts';

export interface DocumentProps {
  lang: string;
  title: string;
  description?: string;
  /** Absolute URL of the page's preferred address. */
  canonical?: string;
  /** Pages that must not be indexed (404s). */
  noindex?: boolean;
  /** Further `<head>` elements: Open Graph, structured data. */
  head?: ComponentChildren;
  children: ComponentChildren;
}

/** The HTML shell every storefront page shares. */
export function Document(props: DocumentProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        <meta name="theme-color" content="#ffffff" />
        {props.head}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
        <style dangerouslySetInnerHTML={{ __html: storefrontCss }} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
