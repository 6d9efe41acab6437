import { Anchor, Badge, Button, Card, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { addressLines } from '../countries/address-lines.ts';
import { DraftAddressForm } from './DraftAddressForm.tsx';
import type { DraftChange, DraftOrder } from './draft-order-types.ts';

/**
 * Who the order is for: the e-mail (a customer of the store with it is recognised, and their saved
 * address fills an empty draft), and where it goes.
 */
export function DraftCustomerCard({
  draft,
  editable,
  save,
}: {
  draft: DraftOrder | null;
  editable: boolean;
  save: (change: DraftChange) => Promise<unknown>;
}) {
  const [editingEmail, setEditingEmail] = useState(false);
  const [editingAddress, setEditingAddress] = useState(false);
  const email = draft?.email ?? null;
  const address = draft?.shippingAddress ?? null;
  const showEmailForm = editable && (editingEmail || !email);
  const showAddressForm = editable && (editingAddress || !address);

  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Customer
        </Title>
        {showEmailForm ? (
          <EmailForm
            current={email}
            onSave={async (next) => {
              await save({ customer: { email: next } });
              setEditingEmail(false);
            }}
            onCancel={email ? () => setEditingEmail(false) : undefined}
          />
        ) : email ? (
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Anchor href={`mailto:${email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {email}
              </Anchor>
              {editable ? (
                <Button variant="subtle" size="compact-xs" onClick={() => setEditingEmail(true)}>
                  Change
                </Button>
              ) : null}
            </Group>
            {draft?.customer ? (
              <Group gap={6}>
                <Badge color="teal" variant="light" size="sm">
                  Existing customer
                </Badge>
                {draft.customer.firstName || draft.customer.lastName ? (
                  <Text size="xs" c="dimmed">
                    {`${draft.customer.firstName ?? ''} ${draft.customer.lastName ?? ''}`.trim()}
                  </Text>
                ) : null}
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                New customer: a guest account is made when the order is placed.
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No customer
          </Text>
        )}
      </Stack>
      <Divider my="sm" />
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            Shipping address
          </Title>
          {editable && address && !editingAddress ? (
            <Button variant="subtle" size="compact-xs" onClick={() => setEditingAddress(true)}>
              Change
            </Button>
          ) : null}
        </Group>
        {showAddressForm ? (
          <DraftAddressForm
            address={address}
            saved={draft?.savedAddresses ?? []}
            defaultCountry={draft?.priced?.country ?? ''}
            onSave={async (next) => {
              await save({ shippingAddress: next });
              setEditingAddress(false);
            }}
            onCancel={address ? () => setEditingAddress(false) : undefined}
          />
        ) : address ? (
          <Stack gap={0} aria-label="Shipping address">
            {addressLines(address).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No shipping address
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function EmailForm({
  current,
  onSave,
  onCancel,
}: {
  current: string | null;
  onSave: (email: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setError('Enter the customer’s e-mail.');
      return;
    }
    setSaving(true);
    try {
      await onSave(value.trim());
      setError(null);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? (err.fieldProblems[0]?.message ?? err.message)
          : 'The e-mail could not be saved.',
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Customer e-mail">
      <Stack gap="xs">
        <TextInput
          label="E-mail"
          type="email"
          placeholder="customer@example.com"
          description="The invoice and the order’s e-mails go here."
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          autoComplete="off"
        />
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" size="xs" onClick={onCancel} disabled={saving}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" size="xs" loading={saving}>
            Save e-mail
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
