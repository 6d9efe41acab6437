import { AppError } from '../../../platform/errors.ts';
import type { PaymentProvider } from '../provider.ts';

/**
 * Bank transfer or cash on delivery: nothing happens at a provider. The order waits (`pending`)
 * until staff mark the money received (`markPaymentReceived`, the capture of this provider); a
 * refund is money staff send back themselves, recorded here. It takes no card and sends no webhooks.
 */
export const manualProvider: PaymentProvider = {
  key: 'manual',
  needsCard: false,

  async authorise() {
    return { outcome: 'pending', reference: null };
  },

  async confirmAction() {
    // A manual payment never asks the shopper for a step; the state machine refuses it before this.
    return { outcome: 'declined', declineCode: 'action_not_supported' };
  },

  async capture({ reference, amount, remaining }) {
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining) {
      return { ok: false, errorCode: 'amount_invalid' };
    }
    return { ok: true, reference };
  },

  async void({ reference }) {
    return { ok: true, reference };
  },

  async refund({ reference, amount, remaining }) {
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > remaining) {
      return { ok: false, errorCode: 'amount_invalid' };
    }
    return { ok: true, reference };
  },

  async parseWebhook() {
    throw new AppError(404, 'webhook_not_supported', 'Manual payments have no provider that sends events.');
  },
};
