import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MoneyInput, moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { marketingKey, saveCampaign } from './marketing-queries.ts';
import { type Campaign, channelGroups } from './marketing-types.ts';

/**
 * Plans a campaign or changes one: name, channel (GA4's groups), dates, budget for the whole
 * campaign or each month, and the UTM tags its link carries. The server checks every rule and its
 * message is shown as it comes (a channel, dates the wrong way round, a taken name).
 */
export function CampaignFormModal({
  store,
  currency,
  campaign,
  onClose,
}: {
  store: string;
  currency: string;
  /** The campaign to change; null to plan a new one. */
  campaign: Campaign | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(campaign?.name ?? '');
  const [channel, setChannel] = useState<string | null>(campaign?.channel ?? 'Paid Social');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [budget, setBudget] = useState(moneyText(campaign?.budget, currency));
  const [budgetPeriod, setBudgetPeriod] = useState<string | null>(campaign?.budgetPeriod ?? 'total');
  const [utmCampaign, setUtmCampaign] = useState(campaign?.utmCampaign ?? '');
  const [utmSource, setUtmSource] = useState(campaign?.utmSource ?? '');
  const [utmMedium, setUtmMedium] = useState(campaign?.utmMedium ?? '');
  const [landingUrl, setLandingUrl] = useState(campaign?.landingUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: async () => {
      const amount = parseMoneyText(budget, currency);
      if (!amount.ok) throw new Error(amount.message);
      return saveCampaign(store, campaign?.id ?? null, {
        name,
        channel: channel ?? '',
        startsOn,
        endsOn,
        budget: amount.amount ?? 0,
        budgetPeriod: budgetPeriod === 'monthly' ? 'monthly' : 'total',
        ...(utmCampaign.trim() ? { utmCampaign: utmCampaign.trim() } : {}),
        utmSource,
        utmMedium,
        landingUrl: landingUrl.trim() || null,
      });
    },
    onSuccess: async () => {
      notifySuccess(campaign ? `${name} saved.` : `${name} planned.`);
      await queryClient.invalidateQueries({ queryKey: marketingKey(store) });
      onClose();
    },
    onError: (error) => setProblem(error instanceof Error ? error.message : 'The campaign was not saved.'),
  });

  return (
    <Modal opened onClose={onClose} title={campaign ? `Edit ${campaign.name}` : 'New campaign'} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setProblem(null);
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <SimpleGrid cols={2}>
            <Select
              label="Channel"
              data={[...channelGroups]}
              value={channel}
              onChange={setChannel}
              allowDeselect={false}
              searchable
            />
            <Select
              label="Budget for"
              data={[
                { value: 'total', label: 'The whole campaign' },
                { value: 'monthly', label: 'Each month' },
              ]}
              value={budgetPeriod}
              onChange={setBudgetPeriod}
              allowDeselect={false}
            />
            <TextInput
              label="Starts on"
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
            />
            <TextInput
              label="Ends on"
              type="date"
              required
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
            />
            <MoneyInput label="Budget" required currency={currency} value={budget} onChange={setBudget} />
            <TextInput
              label="utm_campaign"
              description="From the name when left empty"
              value={utmCampaign}
              onChange={(e) => setUtmCampaign(e.currentTarget.value)}
            />
            <TextInput
              label="utm_source"
              required
              placeholder="facebook"
              value={utmSource}
              onChange={(e) => setUtmSource(e.currentTarget.value)}
            />
            <TextInput
              label="utm_medium"
              required
              placeholder="paid"
              value={utmMedium}
              onChange={(e) => setUtmMedium(e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label="Landing page"
            description="The storefront's home page when left empty"
            placeholder="https://…"
            value={landingUrl}
            onChange={(e) => setLandingUrl(e.currentTarget.value)}
          />
          {problem ? (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {campaign ? 'Save campaign' : 'Create campaign'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
