import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Pagination,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { IconPlus, IconSearch } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import { discountCodesQuery, useGenerateCodes } from './discount-queries.ts';
import type { Discount } from './discount-types.ts';

const pageSize = 10;

/** A code discount's codes with how many orders used each, searchable, and the bulk generator. */
export function DiscountCodesCard({ discount, writable }: { discount: Discount; writable: boolean }) {
  const { store } = useCurrentStore();
  const [q, setQ] = useState<string | undefined>(undefined);
  const [text, setText] = useSearchParamInput(q, setQ);
  const [page, setPage] = useState(1);
  const [generating, setGenerating] = useState(false);
  const codes = useQuery(
    discountCodesQuery(store.handle, discount.id, { q, limit: pageSize, offset: (page - 1) * pageSize }),
  );
  const total = codes.data?.total ?? 0;

  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="codes-title">
      <Stack gap="xs" p="md">
        <Group justify="space-between">
          <Title order={3} size="h5" id="codes-title">
            Codes
          </Title>
          {writable ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setGenerating(true)}
            >
              Generate
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {discount.codeCount.toLocaleString()} code{discount.codeCount === 1 ? '' : 's'}; each works until
          the discount’s limits are reached.
        </Text>
        {discount.codeCount > pageSize ? (
          <TextInput
            aria-label="Find a code"
            placeholder="Find a code"
            leftSection={<IconSearch size={14} />}
            size="xs"
            value={text}
            onChange={(e) => {
              setPage(1);
              setText(e.currentTarget.value);
            }}
          />
        ) : null}
      </Stack>
      {codes.data && codes.data.items.length > 0 ? (
        <Table
          aria-label="Codes"
          verticalSpacing={4}
          horizontalSpacing="md"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th ta="right">Orders</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {codes.data.items.map((code) => (
              <Table.Tr key={code.code}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {code.code}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {code.used}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : codes.data ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {q ? 'No code matches.' : 'No codes yet: shoppers cannot use it until it has one.'}
        </Text>
      ) : null}
      {total > pageSize ? (
        <Group justify="center" p="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Pagination
            size="sm"
            total={Math.ceil(total / pageSize)}
            value={page}
            onChange={setPage}
            siblings={0}
          />
        </Group>
      ) : null}
      {writable && generating ? (
        <GenerateCodesModal discount={discount} onClose={() => setGenerating(false)} />
      ) : null}
    </Card>
  );
}

type Field = 'count' | 'prefix' | 'length';
const fieldFor: Record<string, Field> = { count: 'count', prefix: 'prefix', length: 'length' };

function GenerateCodesModal({ discount, onClose }: { discount: Discount; onClose: () => void }) {
  const { store } = useCurrentStore();
  const generate = useGenerateCodes(store.handle, discount.id);
  const [count, setCount] = useState<number | string>(100);
  const [prefix, setPrefix] = useState('');
  const [length, setLength] = useState<number | string>(8);
  const [made, setMade] = useState<string[] | null>(null);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000)
      found.count = 'From 1 to 1,000 at a time.';
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 6 || length > 16)
      found.length = 'From 6 to 16 characters.';
    if (!showFound(found)) return;
    generate.mutate(
      { count: count as number, prefix: prefix.trim(), length: length as number },
      {
        onSuccess: (result) => {
          setMade(result.codes);
          notifySuccess(`${result.codes.length.toLocaleString()} codes added to ${discount.title}.`);
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Generate codes" size="md">
      {made ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" title={`${made.length.toLocaleString()} codes added`}>
            Each is a code of this discount. Copy them from here, or find them in the list.
          </Alert>
          <Text
            component="pre"
            size="xs"
            ff="monospace"
            mah={220}
            style={{
              overflow: 'auto',
              background: 'var(--mantine-color-gray-0)',
              padding: 8,
              borderRadius: 6,
              margin: 0,
            }}
          >
            {made.join('\n')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Random codes of letters and digits, for single-use codes in a mailing or on cards. The
              discount’s limits count all its codes together; add a per-customer limit to make each shopper
              use one once.
            </Text>
            <SimpleGrid cols={3} spacing="sm">
              <NumberInput
                label="How many"
                min={1}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                value={count}
                onChange={setCount}
                error={errors.count}
                data-autofocus
              />
              <TextInput
                label="Prefix"
                placeholder="SPRING-"
                value={prefix}
                onChange={(e) => setPrefix(e.currentTarget.value)}
                error={errors.prefix}
                maxLength={24}
              />
              <NumberInput
                label="Random part"
                suffix=" chars"
                min={6}
                max={16}
                allowDecimal={false}
                allowNegative={false}
                value={length}
                onChange={setLength}
                error={errors.length}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              e.g. {prefix.trim()}
              {'K7Q2M9XR'.slice(0, typeof length === 'number' ? Math.min(length, 8) : 8)}
              {typeof length === 'number' && length > 8 ? '…' : ''}
            </Text>
            <FormFooter
              general={general}
              submitLabel="Generate codes"
              pending={generate.isPending}
              onCancel={onClose}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
