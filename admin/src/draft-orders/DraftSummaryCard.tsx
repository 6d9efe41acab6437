import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { formatMoney } from '../money/minor-units.ts';
import { AmountRow } from '../orders/AmountRow.tsx';
import { taxLineText } from '../orders/order-amounts.ts';
import { IconX } from '../ui/icons.tsx';
import { notifyError } from '../ui/notify.ts';
import type { DraftChange, DraftOrder } from './draft-order-types.ts';

/**
 * What the order costs now, worked out by the checkout's own pricing: subtotal, each discount with
 * its code, shipping, tax per rate (inside the prices, or added) and the total — what completing it
 * charges. Discount codes are entered here; the note stays on the order for the team.
 */
export function DraftSummaryCard({
  draft,
  editable,
  save,
}: {
  draft: DraftOrder | null;
  editable: boolean;
  save: (change: DraftChange) => Promise<unknown>;
}) {
  const priced = draft?.priced ?? null;
  const currency = priced?.currency ?? draft?.currency ?? 'EUR';
  const money = (amount: number) => formatMoney(amount, currency);
  const codes = draft?.discountCodes ?? [];
  const option = priced?.shipping.mode === 'selected' ? priced.shipping.option : null;

  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Summary
        </Title>
        <Stack gap={6} role="group" aria-label="Draft totals">
          <AmountRow
            labelWidth={110}
            label="Subtotal"
            detail={`${priced?.itemCount ?? 0} ${priced?.itemCount === 1 ? 'item' : 'items'}`}
            amount={money(priced?.totals.subtotal ?? 0)}
          />
          {priced?.discounts.applied.map((d) => (
            <AmountRow
              labelWidth={110}
              key={d.discountId}
              label="Discount"
              detail={d.code ? `${d.code} · ${d.title}` : d.title}
              amount={`−${money(d.amount)}`}
            />
          ))}
          {priced?.shipping.required ? (
            <AmountRow
              labelWidth={110}
              label="Shipping"
              detail={option ? option.name : 'Not chosen yet'}
              amount={option ? money(priced.shipping.amount) : '—'}
            />
          ) : null}
          {priced?.tax.computed ? (
            priced.tax.byRate.map((t) => (
              <AmountRow
                labelWidth={110}
                key={t.rateId}
                label={priced.totals.taxesIncluded ? 'Including tax' : 'Tax'}
                detail={taxLineText(t.name, t.ratePpm)}
                amount={money(t.amount)}
              />
            ))
          ) : priced && priced.lines.length > 0 ? (
            <AmountRow labelWidth={110} label="Tax" detail="Worked out from the address" amount="—" />
          ) : null}
          <Divider />
          <AmountRow labelWidth={110} label="Total" amount={money(priced?.totals.total ?? 0)} strong />
        </Stack>
        {editable ? (
          <CodeForm codes={codes} onApply={(code) => save({ discountCodes: [...codes, code] })} />
        ) : null}
        {codes.length > 0 ? (
          <Group gap={6}>
            {codes.map((code) => (
              <Badge
                key={code}
                variant="light"
                tt="none"
                rightSection={
                  editable ? (
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      aria-label={`Remove the code ${code}`}
                      onClick={() =>
                        void save({ discountCodes: codes.filter((c) => c !== code) }).catch(
                          (error: unknown) => notifyError(error, 'The code could not be removed'),
                        )
                      }
                    >
                      <IconX size={12} />
                    </ActionIcon>
                  ) : undefined
                }
              >
                {code}
              </Badge>
            ))}
          </Group>
        ) : null}
        {priced?.discounts.rejected
          .filter((r) => r.kept)
          .map((r) => (
            <Text key={r.code} size="xs" c="orange.8">
              {r.code}: {r.message}
            </Text>
          ))}
        <NoteField
          key={draft?.note ?? ''}
          note={draft?.note ?? ''}
          editable={editable}
          onSave={(note) => save({ note })}
        />
      </Stack>
    </Card>
  );
}

function CodeForm({ codes, onApply }: { codes: string[]; onApply: (code: string) => Promise<unknown> }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = code.trim();
    if (!typed) return;
    if (codes.some((c) => c.toLowerCase() === typed.toLowerCase())) {
      setCode('');
      return;
    }
    setApplying(true);
    try {
      await onApply(typed);
      setCode('');
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The code could not be applied.');
    } finally {
      setApplying(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Discount code">
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label="Discount code"
          placeholder="Discount code"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={error}
          style={{ flex: 1 }}
          autoComplete="off"
        />
        <Button type="submit" variant="default" loading={applying}>
          Apply
        </Button>
      </Group>
    </form>
  );
}

function NoteField({
  note,
  editable,
  onSave,
}: {
  note: string;
  editable: boolean;
  onSave: (note: string) => Promise<unknown>;
}) {
  const [value, setValue] = useState(note);
  return (
    <Textarea
      label="Note"
      description="Kept on the order, for the team."
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => {
        if (value.trim() !== note) {
          void onSave(value.trim()).catch((error: unknown) =>
            notifyError(error, 'The note could not be saved'),
          );
        }
      }}
      readOnly={!editable}
      autosize
      minRows={2}
      maxLength={5000}
    />
  );
}
