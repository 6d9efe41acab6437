import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MoneyInput, parseMoneyText } from '../money/MoneyInput.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { notifySuccess } from '../ui/notify.ts';
import { marketingKey, recordSpend } from './marketing-queries.ts';
import type { Campaign } from './marketing-types.ts';

/** One day's spend on one campaign, typed in (an influencer's fee, a sponsorship): it replaces that day's entry. */
export function ManualSpendForm({
  store,
  currency,
  campaigns,
}: {
  store: string;
  currency: string;
  campaigns: Campaign[];
}) {
  const queryClient = useQueryClient();
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [day, setDay] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: async () => {
      const parsed = parseMoneyText(amount, currency);
      if (!parsed.ok) throw new Error(parsed.message);
      if (!campaignId) throw new Error('Choose the campaign.');
      await recordSpend(store, { campaignId, day, amount: parsed.amount ?? 0 });
      return parsed.amount ?? 0;
    },
    onSuccess: async (spent) => {
      notifySuccess(`${formatMoney(spent, currency)} recorded for ${day}.`);
      setAmount('');
      await queryClient.invalidateQueries({ queryKey: marketingKey(store) });
    },
    onError: (error) => setProblem(error instanceof Error ? error.message : 'The spend was not recorded.'),
  });
  return (
    <form
      aria-label="Record spend"
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        record.mutate();
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label="Campaign"
          data={campaigns.map((c) => ({ value: c.id, label: c.name }))}
          value={campaignId}
          onChange={setCampaignId}
          w={220}
        />
        <TextInput label="Day" type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
        <MoneyInput label="Spend" currency={currency} value={amount} onChange={setAmount} w={140} />
        <Button type="submit" variant="default" loading={record.isPending} disabled={campaigns.length === 0}>
          Record spend
        </Button>
      </Group>
      {problem ? (
        <Alert color="red" variant="light" mt="xs" role="alert">
          {problem}
        </Alert>
      ) : null}
    </form>
  );
}
