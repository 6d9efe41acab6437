import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MoneyInput, moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import type { Goal, GoalBody, GoalMetric } from './goal-types.ts';
import { goalOptionsQuery, useSaveGoal } from './goals-queries.ts';

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

function targetText(goal: Goal | null, currency: string, unit: string): string {
  if (!goal) return '';
  if (unit === 'money') return moneyText(goal.target, currency);
  if (unit === 'rate') return String(Math.round(goal.target * 10_000) / 100);
  return String(goal.target);
}

/** Sets or changes a goal: what to measure, for which part of the store, over which days, and how much. */
export function GoalForm({
  store,
  goal,
  opened,
  onClose,
}: {
  store: string;
  goal: Goal | null;
  opened: boolean;
  onClose: () => void;
}) {
  const options = useQuery(goalOptionsQuery(store));
  const save = useSaveGoal(store);
  const currency = options.data?.currency ?? 'EUR';
  const [metric, setMetric] = useState<GoalMetric>(goal?.metric ?? 'netSales');
  const unitOf = (m: GoalMetric) => options.data?.metrics.find((x) => x.metric === m)?.unit ?? 'count';
  const unit = unitOf(metric);
  const [scope, setScope] = useState<Goal['scope']>(goal?.scope ?? 'store');
  const [scopeValue, setScopeValue] = useState<string | null>(goal?.scopeValue ?? null);
  const [periodKind, setPeriodKind] = useState<Goal['periodKind']>(goal?.periodKind ?? 'month');
  const [month, setMonth] = useState(goal?.periodKind === 'month' ? goal.startDay.slice(0, 7) : thisMonth());
  const [quarter, setQuarter] = useState(
    goal?.periodKind === 'quarter'
      ? `${goal.startDay.slice(0, 4)}-Q${Math.floor((Number(goal.startDay.slice(5, 7)) - 1) / 3) + 1}`
      : `${thisMonth().slice(0, 4)}-Q${Math.floor((Number(thisMonth().slice(5, 7)) - 1) / 3) + 1}`,
  );
  const [startDay, setStartDay] = useState(goal?.startDay ?? '');
  const [endDay, setEndDay] = useState(goal?.endDay ?? '');
  const [target, setTarget] = useState(() =>
    targetText(goal, currency, goal ? unitOf(goal.metric) : 'money'),
  );
  const [name, setName] = useState(goal?.name ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const metricChoices = (options.data?.metrics ?? [])
    .filter((m) => scope !== 'category' || m.forCategories)
    .map((m) => ({ value: m.metric, label: m.label }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    let value: number;
    if (unit === 'money') {
      const parsed = parseMoneyText(target, currency);
      if (!parsed.ok || parsed.amount === null)
        return setProblem(parsed.ok ? 'Enter a target.' : parsed.message);
      value = parsed.amount;
    } else if (unit === 'rate') {
      value = Number(target.replace(',', '.').replace('%', '')) / 100;
    } else value = Number(target);
    if (!Number.isFinite(value) || target.trim() === '') return setProblem('Enter a target.');
    const body: GoalBody = {
      metric,
      periodKind,
      scope,
      target: value,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(scope !== 'store' && scopeValue ? { scopeValue } : {}),
      ...(periodKind === 'month' ? { period: month } : {}),
      ...(periodKind === 'quarter' ? { period: quarter } : {}),
      ...(periodKind === 'custom' ? { startDay, endDay } : {}),
    };
    save.mutate(
      { id: goal?.id, body },
      {
        onSuccess: onClose,
        onError: (error) => setProblem(error instanceof Error ? error.message : String(error)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={goal ? 'Change goal' : 'New goal'} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Scope"
            value={scope}
            onChange={(v) => {
              setScope(v as Goal['scope']);
              setScopeValue(null);
              if (v === 'category' && !['netSales', 'units'].includes(metric)) setMetric('netSales');
            }}
            data={[
              { value: 'store', label: 'Whole store' },
              { value: 'channel', label: 'A channel' },
              { value: 'category', label: 'A category' },
            ]}
          />
          {scope === 'channel' && (
            <Select
              label="Channel"
              searchable
              value={scopeValue}
              onChange={setScopeValue}
              data={options.data?.channels ?? []}
            />
          )}
          {scope === 'category' && (
            <Select
              label="Category (with the categories below it)"
              searchable
              value={scopeValue}
              onChange={setScopeValue}
              data={(options.data?.categories ?? []).map((c) => ({ value: c.id, label: c.path }))}
            />
          )}
          <Select
            label="Metric"
            value={metric}
            allowDeselect={false}
            onChange={(v) => {
              if (!v) return;
              setMetric(v as GoalMetric);
              setTarget('');
            }}
            data={metricChoices}
          />
          <SegmentedControl
            aria-label="Period"
            value={periodKind}
            onChange={(v) => setPeriodKind(v as Goal['periodKind'])}
            data={[
              { value: 'month', label: 'Month' },
              { value: 'quarter', label: 'Quarter' },
              { value: 'custom', label: 'Custom' },
            ]}
          />
          {periodKind === 'month' && (
            <TextInput
              label="Month"
              type="month"
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
            />
          )}
          {periodKind === 'quarter' && (
            <TextInput
              label="Quarter"
              description="As 2026-Q4"
              value={quarter}
              onChange={(e) => setQuarter(e.currentTarget.value)}
            />
          )}
          {periodKind === 'custom' && (
            <Group grow>
              <TextInput
                label="First day"
                type="date"
                value={startDay}
                onChange={(e) => setStartDay(e.currentTarget.value)}
              />
              <TextInput
                label="Last day"
                type="date"
                value={endDay}
                onChange={(e) => setEndDay(e.currentTarget.value)}
              />
            </Group>
          )}
          {unit === 'money' ? (
            <MoneyInput label="Target" currency={currency} value={target} onChange={setTarget} />
          ) : (
            <TextInput
              label="Target"
              inputMode="decimal"
              rightSection={unit === 'rate' ? '%' : undefined}
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
            />
          )}
          <TextInput
            label="Name"
            description="Left empty, the goal is named after its metric, scope and days."
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {goal ? 'Save goal' : 'Set goal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
