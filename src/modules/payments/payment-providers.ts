import type { PaymentProvider } from './provider.ts';
import { manualProvider } from './providers/manual.ts';
import { testCardProvider } from './providers/test-card.ts';
import type { PaymentProviderKey } from './schema.ts';

/** The providers in the box, by key. A real one (a card acquirer) is one more entry. */
export const paymentProviders: Readonly<Record<PaymentProviderKey, PaymentProvider>> = {
  manual: manualProvider,
  test_card: testCardProvider,
};
