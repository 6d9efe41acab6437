import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | undefined;

/**
 * sharp (libvips) is loaded on the first image it is asked to read: it adds about 25 MB of memory
 * and a tenth of a second to a server start that may never handle an image.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
