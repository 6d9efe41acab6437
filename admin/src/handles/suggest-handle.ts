/**
 * A URL handle suggested from a title: "Crème Brûlée Mug (350 ml)" → "creme-brulee-mug-350-ml".
 * Lower-case ASCII letters, digits and single hyphens, as storefront URLs use them.
 */
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
