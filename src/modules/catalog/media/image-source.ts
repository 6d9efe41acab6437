/**
 * Where a product image is shown from. Once its file is in media storage (an upload, or a remote
 * image the download job has fetched) it is served by this server under `/media/<key>`; before that,
 * from the URL it was recorded with.
 */
export const MEDIA_PATH_PREFIX = '/media';

export function mediaPath(key: string): string {
  return `${MEDIA_PATH_PREFIX}/${key}`;
}

export function imageSrc(image: { mediaKey: string | null; sourceUrl: string | null }): string | null {
  return image.mediaKey ? mediaPath(image.mediaKey) : image.sourceUrl;
}
