import {
  Badge,
  Button,
  Card,
  Code,
  Divider,
  Group,
  List,
  Radio,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { OneTimeSecretModal } from '../ui/OneTimeSecretModal.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { SettingsSection } from '../ui/SettingsSection.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import {
  paymentSettingsQuery,
  useRotateWebhookSecret,
  useUpdatePaymentSettings,
} from './payment-settings-queries.ts';
import type { CaptureMode, PaymentSettings, PaymentSettingsChange } from './payment-settings-types.ts';

/**
 * Settings → Payments: when the money is taken, the ways to pay offered at checkout, and the secret
 * the card provider's webhook events are signed with. (Return type written out: the router's
 * types include the screens'; see InventoryScreen.)
 */
export function PaymentSettingsScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const settings = useQuery(paymentSettingsQuery(store.handle));
  return (
    <>
      <PageHeader title="Payments" description="How shoppers pay at checkout and when the money is taken." />
      {settings.isError ? (
        <LoadFailed
          what="The payment settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : settings.isPending ? (
        <Skeleton height={520} radius="md" />
      ) : (
        <Stack gap="lg" maw={820}>
          <SettingsForm
            key={JSON.stringify(settings.data)}
            settings={settings.data}
            writable={can('store:write')}
          />
          <WebhookCard secretSet={settings.data.webhook.secretSet} writable={can('store:write')} />
        </Stack>
      )}
    </>
  );
}

type Field = 'captureMode' | 'providers' | 'title' | 'instructions';
const fieldFor: Record<string, Field> = {
  captureMode: 'captureMode',
  providers: 'providers',
  enabled: 'providers',
  title: 'title',
  instructions: 'instructions',
};

/** The test card's numbers and what each does (docs/payments.md, "Test card"). */
const testCards: { number: string; outcome: string }[] = [
  { number: '4242 4242 4242 4242', outcome: 'paid' },
  { number: '4000 0000 0000 3220', outcome: 'asks for the extra verification step first' },
  { number: '4000 0000 0000 0002', outcome: 'declined' },
  { number: '4000 0000 0000 9995', outcome: 'declined: insufficient funds' },
  { number: '4000 0000 0000 0069', outcome: 'declined: expired card' },
  { number: '4000 0000 0000 0127', outcome: 'declined: incorrect security code' },
];

function SettingsForm({ settings, writable }: { settings: PaymentSettings; writable: boolean }) {
  const { store } = useCurrentStore();
  const update = useUpdatePaymentSettings(store.handle);
  const [capture, setCapture] = useState<CaptureMode>(settings.captureMode);
  const [manualOn, setManualOn] = useState(settings.providers.manual.enabled);
  const [manualTitle, setManualTitle] = useState(settings.providers.manual.title);
  const [instructions, setInstructions] = useState(settings.providers.manual.instructions);
  const [cardOn, setCardOn] = useState(settings.providers.test_card.enabled);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const manual = settings.providers.manual;
  const change: PaymentSettingsChange = {};
  if (capture !== settings.captureMode) change.captureMode = capture;
  const manualChange: NonNullable<PaymentSettingsChange['providers']>['manual'] = {};
  if (manualOn !== manual.enabled) manualChange.enabled = manualOn;
  if (manualTitle.trim() !== manual.title) manualChange.title = manualTitle.trim();
  if (instructions.trim() !== manual.instructions) manualChange.instructions = instructions.trim();
  if (Object.keys(manualChange).length > 0) change.providers = { manual: manualChange };
  if (cardOn !== settings.providers.test_card.enabled) {
    change.providers = { ...change.providers, test_card: { enabled: cardOn } };
  }
  const changed = Object.keys(change).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!manualOn && !cardOn) found.providers = 'Keep at least one way to pay: shoppers could not check out.';
    if (manualOn && !manualTitle.trim()) found.title = 'Give the name shoppers choose it by.';
    if (!showFound(found)) return;
    update.mutate(change, {
      onSuccess: () => notifySuccess('Payment settings saved.'),
      onError: showServerError,
    });
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={submit} noValidate aria-label="Payment settings">
        <Stack gap="lg">
          <SettingsSection
            title="Taking the money"
            description="A card payment is authorised when the order is placed; this decides when it is captured."
          >
            <Radio.Group
              value={capture}
              onChange={(value) => setCapture(value as CaptureMode)}
              error={errors.captureMode}
              aria-label="Capture"
            >
              <Stack gap="xs">
                <Radio
                  value="immediate"
                  label="When the order is placed"
                  description="The simplest: the order is paid as soon as the shopper confirms."
                  disabled={!writable}
                />
                <Radio
                  value="on_fulfilment"
                  label="When it ships"
                  description="Each parcel captures what it holds; nothing is charged for what never ships."
                  disabled={!writable}
                />
              </Stack>
            </Radio.Group>
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Bank transfer"
            description="Or cash on delivery: the order waits for payment until staff mark it received."
          >
            <Stack gap="sm">
              <Switch
                label="Offer at checkout"
                checked={manualOn}
                onChange={(e) => setManualOn(e.currentTarget.checked)}
                disabled={!writable}
                error={errors.providers}
              />
              <TextInput
                label="Name shown to shoppers"
                value={manualTitle}
                onChange={(e) => setManualTitle(e.currentTarget.value)}
                error={errors.title}
                maxLength={80}
                disabled={!writable || !manualOn}
              />
              <Textarea
                label="Instructions"
                description="Shown at checkout and in the e-mail with payment instructions: the account to pay to, the reference to give."
                placeholder={
                  'IBAN DE89 3704 0044 0532 0130 00\nPlease give your order number as the reference.'
                }
                value={instructions}
                onChange={(e) => setInstructions(e.currentTarget.value)}
                error={errors.instructions}
                autosize
                minRows={3}
                maxLength={2000}
                disabled={!writable || !manualOn}
              />
            </Stack>
          </SettingsSection>
          <Divider />
          <SettingsSection
            title="Test card"
            description="A card provider that takes no real money, to try every checkout path."
          >
            <Stack gap="sm">
              <Switch
                label="Offer at checkout"
                checked={cardOn}
                onChange={(e) => setCardOn(e.currentTarget.checked)}
                disabled={!writable}
              />
              <Text size="sm" c="dimmed">
                Any future expiry date and any security code. The card number decides what happens:
              </Text>
              <List size="sm" spacing={2}>
                {testCards.map((card) => (
                  <List.Item key={card.number}>
                    <Code>{card.number}</Code> {card.outcome}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </SettingsSection>
          {writable ? (
            <FormFooter
              general={general}
              submitLabel="Save settings"
              pending={update.isPending}
              submitDisabled={!changed}
            />
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

/** The webhook address and its signing secret: made here, shown once, replaced when lost. */
function WebhookCard({ secretSet, writable }: { secretSet: boolean; writable: boolean }) {
  const { store } = useCurrentStore();
  const rotate = useRotateWebhookSecret(store.handle);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const url = `${window.location.origin}/api/payments/test_card/webhook`;
  const make = () =>
    rotate.mutate(undefined, {
      onSuccess: (made) => {
        setConfirming(false);
        setSecret(made.secret);
      },
      onError: (error) => {
        setConfirming(false);
        notifyError(error, 'No new secret was made');
      },
    });
  return (
    <Card withBorder radius="md" padding="lg">
      <SettingsSection
        title="Provider webhook"
        description="Where the card provider reports what happens at its end: captures, refunds, failures."
      >
        <Stack gap="sm">
          <Text size="sm">
            Events are posted to <Code>{url}</Code>, signed per Standard Webhooks with the store’s secret.
          </Text>
          <Group gap="sm">
            <Text size="sm">Signing secret</Text>
            {secretSet ? (
              <Badge color="teal" variant="light">
                Set
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                Not made yet
              </Badge>
            )}
          </Group>
          {writable ? (
            <Group>
              <Button
                variant="default"
                onClick={() => (secretSet ? setConfirming(true) : make())}
                loading={rotate.isPending && !confirming}
              >
                {secretSet ? 'Replace the secret' : 'Make a secret'}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </SettingsSection>
      <ConfirmDialog
        opened={confirming}
        title="Replace the webhook secret?"
        confirmLabel="Replace"
        loading={rotate.isPending}
        onConfirm={make}
        onCancel={() => setConfirming(false)}
      >
        The current secret stops verifying at once: events the provider signs with it are refused until it has
        the new one.
      </ConfirmDialog>
      <OneTimeSecretModal
        title="Webhook signing secret"
        secret={secret}
        what="secret"
        why="This is the only time the secret is shown. If it is lost, make a new one here."
        usage={
          <>
            Give it to the provider for <Code>{url}</Code>.
          </>
        }
        testId="new-webhook-secret"
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
