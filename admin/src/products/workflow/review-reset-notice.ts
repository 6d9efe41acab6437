import { notifySuccess } from '../../ui/notify.ts';

/**
 * What the console says when a change sent a product's review back to draft: a product that is not
 * live changes in place, and when its review was under way (in review or approved) the reviewer must
 * see the change, so it has to be submitted again. The translation editor and the gallery say the same.
 */
export const reviewResetTitle = 'Back to draft';
export const reviewResetMessage =
  'The product was waiting for review (or approved), so the reviewer must see this change: it is a draft again. Send it for review once more.';

export function notifyReviewReset(): void {
  notifySuccess(reviewResetMessage, reviewResetTitle);
}
