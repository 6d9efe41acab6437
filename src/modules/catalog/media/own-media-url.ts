import { isBlobKey } from '../../../platform/blob-storage/blob-storage.ts';
import { MEDIA_PATH_PREFIX, mediaPath } from './image-source.ts';

/**
 * Addresses of the store's own media files as they travel in files and links: `/media/<key>` on this
 * server, or that path under the installation's public URL (what a product export writes, e.g.
 * `https://shops.example.com/media/<key>`).
 */

/** The absolute URL of a stored file under the installation's public base URL (no trailing slash). */
export function absoluteMediaUrl(baseUrl: string, key: string): string {
  return `${baseUrl}${mediaPath(key)}`;
}

/**
 * The content key a media address names: `/media/<key>`, or an http(s) URL whose path ends in it
 * (an installation may be served under a path prefix). Null for anything else. The host is not
 * checked: a key is the SHA-256 of the content, so whoever serves `/media/<key>` serves those very
 * bytes, and a caller that already holds the key holds the same image.
 */
export function mediaKeyOfUrl(url: string): string | null {
  let pathname: string;
  if (url.startsWith('/')) {
    pathname = url.split(/[?#]/, 1)[0]!;
  } else {
    if (!/^https?:\/\//i.test(url)) return null;
    try {
      pathname = new URL(url).pathname;
    } catch {
      return null;
    }
  }
  const marker = `${MEDIA_PATH_PREFIX}/`;
  const at = pathname.lastIndexOf(marker);
  if (at < 0) return null;
  const key = pathname.slice(at + marker.length);
  return isBlobKey(key) ? key : null;
}
