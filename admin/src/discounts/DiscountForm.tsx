import {
  Card,
  Checkbox,
  Grid,
  Group,
  Input,
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { CatalogItemsPicker } from '../catalog-pickers/CatalogItemsPicker.tsx';
import { marketsQuery } from '../markets/market-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { CurrencyAmountsInput } from './CurrencyAmountsInput.tsx';
import { DiscountSummary } from './DiscountSummary.tsx';
import {
  type DiscountDraft,
  type DiscountField,
  definitionOf,
  discountDraftOf,
  discountFieldFor,
  type ItemsDraft,
  type Minimum,
  type Scope,
} from './discount-draft.ts';
import { classLabels, kindLabels, typeLabels } from './discount-labels.ts';
import { useSaveDiscount } from './discount-queries.ts';
import type {
  Discount,
  DiscountClass,
  DiscountDefinition,
  DiscountKind,
  DiscountType,
} from './discount-types.ts';

/** Codes a discount's form edits in place; a discount with more keeps them and adds by generating. */
const editableCodes = 50;

/** The class a discount of this shape has (what the combination rules are about). */
function classOf(draft: DiscountDraft): DiscountClass {
  if (draft.type === 'free_shipping') return 'shipping';
  if (draft.type === 'buy_x_get_y') return 'product';
  return draft.scope === 'order' ? 'order' : 'product';
}

/**
 * Creates a discount (`discount` null) or changes one: what it gives and to what, when and to whom,
 * how often, and what it may be combined with. Each of the server's objections shows on its input.
 */
export function DiscountForm({
  discount,
  writable,
  aside,
}: {
  discount: Discount | null;
  writable: boolean;
  /** Shown under the live summary, beside the form (usage, codes). */
  aside?: ReactNode;
}) {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
  const save = useSaveDiscount(store.handle);
  const markets = useQuery(marketsQuery(store.handle));
  const currencies = [...new Set([store.baseCurrency, ...(markets.data ?? []).map((m) => m.currency)])];
  const [draft, setDraft] = useState<DiscountDraft>(() => discountDraftOf(discount, store.baseCurrency));
  const initial = useRef(JSON.stringify(draft));
  const saved = useRef(false);
  // A save (or someone else's, or generated codes) changes the discount: start again from what is saved.
  // Not by remounting: the aside (the codes card and its dialog) must keep its state.
  const [shown, setShown] = useState(discount?.updatedAt);
  if (discount && discount.updatedAt !== shown) {
    const fresh = discountDraftOf(discount, store.baseCurrency);
    setShown(discount.updatedAt);
    setDraft(fresh);
    initial.current = JSON.stringify(fresh);
  }
  const { errors, general, showFound, showServerError } = useFormErrors<DiscountField>(discountFieldFor);
  const change = (next: Partial<DiscountDraft>) => setDraft((current) => ({ ...current, ...next }));
  const codesInForm = !discount || discount.codeCount <= editableCodes;
  const itemScoped = draft.type === 'percentage' || draft.type === 'fixed_amount';
  const ownClass = classOf(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = definitionOf(draft);
    if (!read.ok) {
      showFound(read.found);
      return;
    }
    showFound({});
    const { kind: _kind, codes, ...rest } = read.definition;
    const codesChanged = !discount || JSON.stringify(codes) !== JSON.stringify(discount.codes);
    const definition: Partial<DiscountDefinition> = discount
      ? { ...rest, ...(codesInForm && codesChanged ? { codes } : {}) }
      : read.definition;
    save.mutate(
      { id: discount?.id ?? null, definition },
      {
        onSuccess: (result) => {
          // A new discount's page opens next; this form is left behind, so it must not ask.
          if (!discount) saved.current = true;
          initial.current = JSON.stringify(draft);
          notifySuccess(discount ? `${result.title} saved.` : `${result.title} created.`);
          if (!discount) {
            void navigate({
              to: '/stores/$store/discounts/$discountId',
              params: { store: store.handle, discountId: result.id },
            });
          }
        },
        onError: showServerError,
      },
    );
  };

  const items = (which: 'buys' | 'gets', value: ItemsDraft, text: string) => (
    <Stack gap={6}>
      <SegmentedControl
        size="xs"
        aria-label={`${text}: products or collections`}
        value={value.scope}
        onChange={(scope) => change({ [which]: { scope: scope as ItemsDraft['scope'], ids: [] } })}
        data={[
          { value: 'products', label: 'Products' },
          { value: 'collections', label: 'Collections' },
        ]}
        w="fit-content"
        disabled={!writable}
      />
      <CatalogItemsPicker
        scope={value.scope}
        ids={value.ids}
        onChange={(ids) => change({ [which]: { ...value, ids } })}
        label={text}
        error={errors[which]}
        disabled={!writable}
      />
    </Stack>
  );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form onSubmit={submit} noValidate aria-label="Discount">
          <UnsavedChangesGuard
            hasUnsavedChanges={() => writable && !saved.current && JSON.stringify(draft) !== initial.current}
          />
          <Stack gap="lg">
            <Section title="Discount">
              <TextInput
                label="Title"
                description="For you, and shown to shoppers beside the amount it takes off."
                placeholder="Summer 10"
                value={draft.title}
                onChange={(e) => change({ title: e.currentTarget.value })}
                error={errors.title}
                maxLength={200}
                required
                disabled={!writable}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <Input.Wrapper
                label="How it applies"
                description={
                  discount
                    ? 'Fixed once the discount exists.'
                    : draft.kind === 'code'
                      ? 'Shoppers enter a code at checkout.'
                      : 'Every cart that qualifies gets it, no code needed.'
                }
                inputWrapperOrder={['label', 'input', 'description']}
              >
                <SegmentedControl
                  aria-label="How it applies"
                  value={draft.kind}
                  onChange={(kind) => change({ kind: kind as DiscountKind })}
                  data={(Object.keys(kindLabels) as DiscountKind[]).map((value) => ({
                    value,
                    label: value === 'code' ? 'With a code' : 'Automatically',
                  }))}
                  disabled={!writable || discount !== null}
                  w="fit-content"
                  display="flex"
                />
              </Input.Wrapper>
              {draft.kind === 'code' ? (
                codesInForm ? (
                  <TagsInput
                    label="Codes"
                    description={
                      discount
                        ? 'Letters, digits, - or _; case is ignored. Generate many single codes on the right.'
                        : 'Letters, digits, - or _; case is ignored. After saving, you can generate many single codes.'
                    }
                    placeholder={draft.codes.length === 0 ? 'SUMMER10' : undefined}
                    value={draft.codes}
                    onChange={(codes) => change({ codes: codes.map((c) => c.trim().toUpperCase()) })}
                    error={errors.codes}
                    splitChars={[',', ' ']}
                    clearable
                    disabled={!writable}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    {discount?.codeCount.toLocaleString()} codes: they are listed, and more generated, on the
                    right.
                  </Text>
                )
              ) : null}
            </Section>

            <Section title="Value">
              <SegmentedControl
                aria-label="Type"
                value={draft.type}
                onChange={(type) => change({ type: type as DiscountType })}
                data={(Object.keys(typeLabels) as DiscountType[]).map((value) => ({
                  value,
                  label: typeLabels[value],
                }))}
                disabled={!writable}
                fullWidth
              />
              {draft.type === 'percentage' ? (
                <TextInput
                  label="Percentage off"
                  inputMode="decimal"
                  rightSection={
                    <Text size="sm" c="dimmed">
                      %
                    </Text>
                  }
                  value={draft.percent}
                  onChange={(e) => change({ percent: e.currentTarget.value })}
                  error={errors.percent}
                  maw={200}
                  required
                  disabled={!writable}
                />
              ) : null}
              {draft.type === 'fixed_amount' ? (
                <CurrencyAmountsInput
                  label="Amount off"
                  description="In each currency you sell in; a cart in a currency not listed does not get it."
                  value={draft.amounts}
                  onChange={(amounts) => change({ amounts })}
                  error={errors.amounts}
                  suggested={currencies}
                  disabled={!writable}
                />
              ) : null}
              {itemScoped ? (
                <>
                  <Radio.Group
                    label="Applies to"
                    value={draft.scope}
                    onChange={(scope) => change({ scope: scope as Scope, targetIds: [] })}
                    error={errors.target && draft.scope === 'order' ? errors.target : undefined}
                  >
                    <Group gap="lg" mt={6}>
                      <Radio value="order" label="The whole order" disabled={!writable} />
                      <Radio value="products" label="Some products" disabled={!writable} />
                      <Radio value="collections" label="Some collections" disabled={!writable} />
                    </Group>
                  </Radio.Group>
                  {draft.scope !== 'order' ? (
                    <CatalogItemsPicker
                      scope={draft.scope}
                      ids={draft.targetIds}
                      onChange={(targetIds) => change({ targetIds })}
                      label={draft.scope === 'products' ? 'Products' : 'Collections'}
                      error={errors.target}
                      disabled={!writable}
                    />
                  ) : null}
                  {draft.type === 'fixed_amount' && draft.scope !== 'order' ? (
                    <Radio.Group
                      label="Taken off"
                      value={draft.oncePerOrder ? 'once' : 'each'}
                      onChange={(value) => change({ oncePerOrder: value === 'once' })}
                      error={errors.oncePerOrder}
                    >
                      <Group gap="lg" mt={6}>
                        <Radio
                          value="once"
                          label="Once, off the matching items together"
                          disabled={!writable}
                        />
                        <Radio value="each" label="Off each matching unit" disabled={!writable} />
                      </Group>
                    </Radio.Group>
                  ) : null}
                </>
              ) : null}
              {draft.type === 'free_shipping' ? (
                <Text size="sm" c="dimmed">
                  Takes the whole shipping amount off. Combine it with a minimum order value below for “free
                  shipping from €50”.
                </Text>
              ) : null}
              {draft.type === 'buy_x_get_y' ? (
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                  <Stack gap="xs">
                    <Title order={4} size="h6">
                      Customer buys
                    </Title>
                    {items('buys', draft.buys, 'What they buy')}
                    <SegmentedControl
                      size="xs"
                      aria-label="Buys by"
                      value={draft.buysBy}
                      onChange={(value) => change({ buysBy: value as 'quantity' | 'amount' })}
                      data={[
                        { value: 'quantity', label: 'A number of items' },
                        { value: 'amount', label: 'An amount spent' },
                      ]}
                      w="fit-content"
                      disabled={!writable}
                    />
                    {draft.buysBy === 'quantity' ? (
                      <NumberInput
                        label="How many they buy"
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        value={draft.buysQuantity}
                        onChange={(buysQuantity) => change({ buysQuantity })}
                        maw={160}
                        disabled={!writable}
                      />
                    ) : (
                      <CurrencyAmountsInput
                        label="Amount to spend on them"
                        value={draft.buysAmounts}
                        onChange={(buysAmounts) => change({ buysAmounts })}
                        suggested={currencies}
                        disabled={!writable}
                      />
                    )}
                  </Stack>
                  <Stack gap="xs">
                    <Title order={4} size="h6">
                      Customer gets
                    </Title>
                    {items('gets', draft.gets, 'What they get')}
                    <Group gap="sm" grow>
                      <NumberInput
                        label="How many"
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        value={draft.getsQuantity}
                        onChange={(getsQuantity) => change({ getsQuantity })}
                        disabled={!writable}
                      />
                      <TextInput
                        label="Off each"
                        description="100 = free"
                        inputMode="decimal"
                        rightSection={
                          <Text size="sm" c="dimmed">
                            %
                          </Text>
                        }
                        value={draft.getsPercent}
                        onChange={(e) => change({ getsPercent: e.currentTarget.value })}
                        disabled={!writable}
                        inputWrapperOrder={['label', 'input', 'description', 'error']}
                      />
                    </Group>
                    <NumberInput
                      label="At most, per order"
                      description="Times the offer repeats in one cart; empty: as often as the cart allows."
                      min={1}
                      allowDecimal={false}
                      allowNegative={false}
                      value={draft.maxUsesPerOrder}
                      onChange={(maxUsesPerOrder) => change({ maxUsesPerOrder })}
                      error={errors.maxUsesPerOrder}
                      disabled={!writable}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                    />
                  </Stack>
                </SimpleGrid>
              ) : null}
            </Section>

            <Section title="Conditions">
              <Radio.Group
                label="Minimum"
                value={draft.minimum}
                onChange={(minimum) => change({ minimum: minimum as Minimum })}
                error={draft.minimum === 'none' ? errors.minimum : undefined}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="none" label="None" disabled={!writable} />
                  <Radio value="subtotal" label="Order value" disabled={!writable} />
                  <Radio value="quantity" label="Number of items" disabled={!writable} />
                </Group>
              </Radio.Group>
              {draft.minimum === 'subtotal' ? (
                <CurrencyAmountsInput
                  label="Minimum order value"
                  description="Before discounts; of the targeted items when it applies to some products."
                  value={draft.minimumAmounts}
                  onChange={(minimumAmounts) => change({ minimumAmounts })}
                  error={errors.minimum}
                  suggested={currencies}
                  disabled={!writable}
                />
              ) : null}
              {draft.minimum === 'quantity' ? (
                <NumberInput
                  label="Minimum number of items"
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  value={draft.minimumQuantity}
                  onChange={(minimumQuantity) => change({ minimumQuantity })}
                  error={errors.minimum}
                  maw={220}
                  disabled={!writable}
                />
              ) : null}
              <TagsInput
                label="Customer segments"
                description="Only customers in one of these (e.g. newsletter, staff); empty: everyone."
                value={draft.segments}
                onChange={(segments) => change({ segments })}
                error={errors.segments}
                splitChars={[',', ' ']}
                clearable
                disabled={!writable}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </Section>

            <Section title="Dates and limits">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  type="datetime-local"
                  label="Starts"
                  value={draft.startsAt}
                  onChange={(e) => change({ startsAt: e.currentTarget.value })}
                  error={errors.startsAt}
                  required
                  disabled={!writable}
                />
                <TextInput
                  type="datetime-local"
                  label="Ends"
                  description="Empty: runs until you end it."
                  value={draft.endsAt}
                  onChange={(e) => change({ endsAt: e.currentTarget.value })}
                  error={errors.endsAt}
                  disabled={!writable}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <NumberInput
                  label="Uses in total"
                  description="Empty: no limit."
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  value={draft.usageLimit}
                  onChange={(usageLimit) => change({ usageLimit })}
                  error={errors.usageLimit}
                  disabled={!writable}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <NumberInput
                  label="Uses per customer"
                  description="Empty: no limit."
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  value={draft.perCustomerLimit}
                  onChange={(perCustomerLimit) => change({ perCustomerLimit })}
                  error={errors.perCustomerLimit}
                  disabled={!writable}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
              </SimpleGrid>
            </Section>

            <Section title="Combinations">
              <Text size="sm" c="dimmed">
                This is {ownClass === 'order' ? 'an' : 'a'}{' '}
                {classLabels[ownClass].toLowerCase().replace(/s$/, '')}. Two discounts apply together only
                when each allows the other’s kind; otherwise the one that saves the shopper more wins.
              </Text>
              <Checkbox.Group
                label="Applies together with"
                value={(Object.keys(draft.combinesWith) as DiscountClass[]).filter(
                  (c) => draft.combinesWith[c],
                )}
                onChange={(value) =>
                  change({
                    combinesWith: {
                      order: value.includes('order'),
                      product: value.includes('product'),
                      shipping: value.includes('shipping'),
                    },
                  })
                }
                error={errors.combinesWith}
              >
                <Group gap="lg" mt={6}>
                  {(['product', 'order', 'shipping'] as DiscountClass[]).map((value) => (
                    <Checkbox key={value} value={value} label={classLabels[value]} disabled={!writable} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Switch
                label="Enabled"
                description="A disabled discount is kept but never applies."
                checked={draft.enabled}
                onChange={(e) => change({ enabled: e.currentTarget.checked })}
                disabled={!writable}
              />
            </Section>

            {writable ? (
              <FormFooter
                general={general}
                submitLabel={discount ? 'Save discount' : 'Create discount'}
                pending={save.isPending}
              />
            ) : null}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <DiscountSummary draft={draft} />
          {aside}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
