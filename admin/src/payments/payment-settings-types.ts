/** The store's payment settings as the API returns them (docs/payments.md, "Settings"). */
export type CaptureMode = 'immediate' | 'on_fulfilment';

export interface PaymentSettings {
  captureMode: CaptureMode;
  providers: {
    manual: { enabled: boolean; title: string; instructions: string };
    test_card: { enabled: boolean };
  };
  webhook: { secretSet: boolean };
}

/** What a change sends: the parts that changed (the server keeps the rest). */
export interface PaymentSettingsChange {
  captureMode?: CaptureMode;
  providers?: {
    manual?: Partial<PaymentSettings['providers']['manual']>;
    test_card?: Partial<PaymentSettings['providers']['test_card']>;
  };
}
