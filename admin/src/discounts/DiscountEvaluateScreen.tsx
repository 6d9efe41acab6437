import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { TestCartLines } from '../test-cart/TestCartLines.tsx';
import { type PricedLine, useTestCart } from '../test-cart/use-test-cart.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconFlask } from '../ui/icons.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { classLabels, rejectionLabels } from './discount-labels.ts';
import { discountQuery, useEvaluateCart } from './discount-queries.ts';
import type { DiscountResult } from './discount-types.ts';

type Field = 'lines' | 'shipping' | 'codes' | 'customerKey' | 'segments' | 'at';
const fieldFor: Record<string, Field> = {
  lines: 'lines',
  productId: 'lines',
  shippingAmount: 'shipping',
  codes: 'codes',
  customerKey: 'customerKey',
  segments: 'segments',
  at: 'at',
};

/**
 * Runs the store's discounts on a made-up cart, as checkout will: what applies, how much it takes
 * off each line and the shipping, and why the others did not. Nothing is written, no use is counted.
 */
export function DiscountEvaluateScreen(): ReactNode {
  const { store } = useCurrentStore();
  const cart = useTestCart();
  const evaluate = useEvaluateCart(store.handle);
  const [shipping, setShipping] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [customer, setCustomer] = useState('');
  const [segments, setSegments] = useState<string[]>([]);
  const [at, setAt] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [evaluated, setEvaluated] = useState<PricedLine[]>([]);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    const found: Partial<Record<Field, string>> = {};
    if (cart.lines.length === 0) found.lines = 'Add at least one variant to the cart.';
    const shippingAmount = parseMoneyText(shipping, cart.currency, { optional: true });
    if (!shippingAmount.ok) found.shipping = shippingAmount.message;
    if (!showFound(found) || cart.invalid || !shippingAmount.ok) return;
    setEvaluated(cart.lines);
    evaluate.mutate(
      {
        currency: cart.currency,
        lines: cart.lines.map((line) => ({
          lineId: line.variantId,
          variantId: line.variantId,
          productId: line.productId,
          quantity: line.quantity,
          unitAmount: line.unitAmount!,
        })),
        shippingAmount: shippingAmount.amount ?? 0,
        customerKey: customer.trim() ? customer.trim().toLowerCase() : null,
        segments,
        codes,
        ...(at ? { at: new Date(at).toISOString() } : {}),
      },
      { onError: showServerError },
    );
  };

  return (
    <>
      <PageHeader
        title="Try a cart"
        description="Put together a cart and the codes a shopper enters: see which discounts apply, what each takes off, and why the others do not. Nothing is saved."
        actions={
          <ButtonLink
            to="/stores/$store/discounts"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Discounts
          </ButtonLink>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg">
          <form onSubmit={submit} noValidate aria-label="Cart to evaluate">
            <Stack gap="md">
              <TestCartLines cart={cart} showErrors={showErrors} linesError={errors.lines} />
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                <TagsInput
                  label="Codes entered"
                  placeholder={codes.length === 0 ? 'SUMMER10' : undefined}
                  value={codes}
                  onChange={setCodes}
                  error={errors.codes}
                  splitChars={[',', ' ']}
                  clearable
                />
                <MoneyInput
                  label="Shipping"
                  description="Empty: no shipping."
                  currency={cart.currency}
                  value={shipping}
                  onChange={setShipping}
                  error={errors.shipping}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <TextInput
                  label="Customer e-mail"
                  description="For per-customer limits."
                  type="email"
                  placeholder="guest"
                  value={customer}
                  onChange={(e) => setCustomer(e.currentTarget.value)}
                  error={errors.customerKey}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <TagsInput
                  label="Customer segments"
                  description="e.g. newsletter, staff."
                  value={segments}
                  onChange={setSegments}
                  error={errors.segments}
                  splitChars={[',', ' ']}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <TextInput
                  type="datetime-local"
                  label="As at"
                  description="Empty: now. A later time tries a scheduled discount."
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                  error={errors.at}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              </SimpleGrid>
              {general ? (
                <Alert color="red" role="alert">
                  {general}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" leftSection={<IconFlask size={16} />} loading={evaluate.isPending}>
                  Apply discounts
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {evaluate.data ? <EvaluationResult result={evaluate.data} lines={evaluated} /> : null}
      </Stack>
    </>
  );
}

function EvaluationResult({ result, lines }: { result: DiscountResult; lines: PricedLine[] }) {
  const { store } = useCurrentStore();
  const money = (amount: number) => formatMoney(amount, result.currency);
  const lineName = new Map(
    lines.map((l) => [l.variantId, [l.productTitle, l.variantTitle].filter(Boolean).join(' – ')]),
  );
  const titleOf = new Map(result.applied.map((a) => [a.discountId, a.title]));
  // Rejected discounts are named by id only; read the titles of those the applied list does not name.
  const unnamed = [
    ...new Set(
      result.rejected.flatMap((r) => (r.discountId && !titleOf.has(r.discountId) ? [r.discountId] : [])),
    ),
  ];
  const named = useQueries({
    queries: unnamed.map((id) => ({ ...discountQuery(store.handle, id), retry: false })),
  });
  unnamed.forEach((id, i) => {
    const title = named[i]?.data?.title;
    if (title) titleOf.set(id, title);
  });
  const discountLink = (id: string) => (
    <AnchorLink
      to="/stores/$store/discounts/$discountId"
      params={{ store: store.handle, discountId: id }}
      size="sm"
    >
      {titleOf.get(id) ?? 'A discount'}
    </AnchorLink>
  );

  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="evaluation-title">
      <Stack gap={4} p="md">
        <Title order={3} size="h5" id="evaluation-title">
          {result.applied.length === 0 ? 'No discount applies' : `${money(result.discountTotal)} off`}
        </Title>
        <Group gap="lg">
          <Summary label="Subtotal" value={money(result.subtotal)} />
          <Summary label="Discounts" value={`− ${money(result.discountTotal)}`} />
          <Summary label="Shipping" value={money(result.shipping.total)} />
          <Summary label="Total" value={money(result.total)} strong />
        </Group>
      </Stack>

      {result.applied.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table
            aria-label="Applied discounts"
            horizontalSpacing="md"
            verticalSpacing="xs"
            style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Applied, in order</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Off items</Table.Th>
                <Table.Th ta="right">Off shipping</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.applied.map((applied) => (
                <Table.Tr key={applied.discountId}>
                  <Table.Td>{discountLink(applied.discountId)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" c={applied.code ? undefined : 'dimmed'}>
                      {applied.code ?? 'automatic'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{classLabels[applied.class].replace(/s$/, '')}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {applied.lineAmount > 0 ? money(applied.lineAmount) : '—'}
                  </Table.Td>
                  <Table.Td ta="right" style={numberCell}>
                    {applied.shippingAmount > 0 ? money(applied.shippingAmount) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      <Table.ScrollContainer minWidth={600}>
        <Table
          aria-label="Lines after discounts"
          horizontalSpacing="md"
          verticalSpacing="xs"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th ta="right">Before</Table.Th>
              <Table.Th>Taken off</Table.Th>
              <Table.Th ta="right">After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.lines.map((line) => (
              <Table.Tr key={line.lineId}>
                <Table.Td>
                  <Text size="sm">{lineName.get(line.lineId) ?? line.lineId}</Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(line.subtotal)}
                </Table.Td>
                <Table.Td>
                  {line.allocations.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {line.allocations.map((a) => (
                        <Badge key={a.discountId} size="sm" variant="light" style={{ textTransform: 'none' }}>
                          {titleOf.get(a.discountId) ?? 'Discount'}: −{money(a.amount)}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  <Text size="sm" fw={600}>
                    {money(line.total)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            {result.shipping.amount > 0 ? (
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">Shipping</Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {money(result.shipping.amount)}
                </Table.Td>
                <Table.Td>
                  {result.shipping.allocations.map((a) => (
                    <Badge key={a.discountId} size="sm" variant="light" style={{ textTransform: 'none' }}>
                      {titleOf.get(a.discountId) ?? 'Discount'}: −{money(a.amount)}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  <Text size="sm" fw={600}>
                    {money(result.shipping.total)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {result.rejected.length > 0 ? (
        <Stack gap={6} p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" fw={600}>
            Did not apply
          </Text>
          <Table aria-label="Discounts that did not apply" verticalSpacing={4} horizontalSpacing={0}>
            <Table.Tbody>
              {result.rejected.map((rejected) => (
                <Table.Tr key={`${rejected.discountId ?? 'code'}-${rejected.code ?? ''}`}>
                  <Table.Td w="40%">
                    {rejected.discountId ? (
                      discountLink(rejected.discountId)
                    ) : (
                      <Text size="sm">Code {rejected.code}</Text>
                    )}
                    {rejected.discountId && rejected.code ? (
                      <Text span size="xs" ff="monospace" c="dimmed" ml={6}>
                        {rejected.code}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td pl="md">
                    <Text size="sm" c="dimmed">
                      {rejectionLabels[rejected.reason] ?? rejected.reason}
                      {rejectionDetail(rejected.reason, rejected.details, result.currency, titleOf)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Card>
  );
}

function Summary({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'md'} fw={strong ? 700 : 500} style={numberCell}>
        {value}
      </Text>
    </div>
  );
}

/** The numbers behind a refusal: ": needs €50.00, the cart has €42.00", ": from 1 Jun 2030". */
function rejectionDetail(
  reason: string,
  details: Record<string, unknown> | undefined,
  currency: string,
  titleOf: Map<string, string>,
): string {
  if (!details) return '';
  if (
    reason === 'below_minimum_subtotal' &&
    typeof details.minimum === 'number' &&
    typeof details.subtotal === 'number'
  ) {
    return `: needs ${formatMoney(details.minimum, currency)}, the cart has ${formatMoney(details.subtotal, currency)}`;
  }
  if (reason === 'below_minimum_quantity' && typeof details.minimum === 'number') {
    return `: needs ${details.minimum} items, the cart has ${String(details.quantity)}`;
  }
  if (reason === 'not_started' && typeof details.startsAt === 'string')
    return `: starts ${formatDateTime(details.startsAt)}`;
  if (reason === 'expired' && typeof details.endsAt === 'string')
    return `: ended ${formatDateTime(details.endsAt)}`;
  if (reason === 'usage_limit_reached' && typeof details.usageLimit === 'number')
    return ` (${details.usageLimit} uses)`;
  if (reason === 'does_not_combine' && Array.isArray(details.conflictsWith)) {
    return `: ${details.conflictsWith.map((id) => titleOf.get(String(id)) ?? 'another discount').join(', ')}`;
  }
  if (reason === 'wrong_currency' && Array.isArray(details.currencies))
    return ` (only ${details.currencies.join(', ')})`;
  return '';
}
