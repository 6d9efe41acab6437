import type { DraftStatus, DraftStep } from './draft-order-types.ts';

export const draftStatusLooks: Record<DraftStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'gray' },
  invoice_sent: { label: 'Invoice sent', color: 'blue' },
  completed: { label: 'Completed', color: 'teal' },
};

/** What a draft still lacks, as the page asks for it. */
export const draftStepWords: Record<DraftStep, string> = {
  lines: 'add at least one item',
  purchasable: 'fix the items that cannot be sold as they are',
  email: "enter the customer's e-mail",
  address: 'enter the shipping address',
  shipping: 'choose a shipping option',
};

/** "Add at least one item, enter the customer's e-mail and choose a shipping option." */
export function missingText(missing: readonly DraftStep[]): string {
  const words = missing.map((step) => draftStepWords[step]);
  const sentence =
    words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return sentence ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : '';
}
