/** URL handles: lowercase ASCII words joined by hyphens, derived from titles when not given. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A handle suggested from any text; empty when the text has no usable characters. Shared with the console. */
export function suggestHandle(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

export function handleFromTitle(title: string): string {
  return suggestHandle(title) || 'product';
}
