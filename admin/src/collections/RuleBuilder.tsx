import { ActionIcon, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { currencySymbol } from '../money/minor-units.ts';
import { IconPlus, IconX } from '../ui/icons.tsx';
import type { ConditionMatch, RuleField } from './collection-types.ts';
import {
  type DraftRule,
  newDraftRule,
  ruleFieldOptions,
  ruleFields,
  ruleFromDraft,
  withField,
} from './rule-fields.ts';

const statusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'draft', label: 'Draft' },
  { value: 'archived', label: 'Archived' },
];

/** Conditions on product fields, joined by all/any; each row checks its own value as it is typed. */
export function RuleBuilder({
  match,
  rules,
  onChange,
  categories,
  currency,
  fractionDigits,
  showErrors,
  disabled,
}: {
  match: ConditionMatch;
  rules: DraftRule[];
  onChange: (match: ConditionMatch, rules: DraftRule[]) => void;
  categories: { value: string; label: string }[];
  currency: string;
  fractionDigits: number;
  /** Show the message of incomplete rows too (after a save attempt), not only of wrong ones. */
  showErrors: boolean;
  disabled?: boolean;
}) {
  const update = (key: string, change: (rule: DraftRule) => DraftRule) =>
    onChange(
      match,
      rules.map((rule) => (rule.key === key ? change(rule) : rule)),
    );
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text size="sm">Products must match</Text>
        <SegmentedControl
          size="xs"
          aria-label="How conditions combine"
          value={match}
          onChange={(value) => onChange(value as ConditionMatch, rules)}
          data={[
            { value: 'all', label: 'all conditions' },
            { value: 'any', label: 'any condition' },
          ]}
          disabled={disabled}
        />
      </Group>
      {rules.map((rule, index) => {
        const definition = ruleFields[rule.field];
        const checked = ruleFromDraft(rule, fractionDigits);
        const error = !checked.ok && (showErrors || rule.text.trim() !== '') ? checked.message : undefined;
        const label = `Condition ${index + 1}`;
        return (
          <Group key={rule.key} gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={label}>
            <Select
              aria-label={`${label}: field`}
              data={ruleFieldOptions}
              value={rule.field}
              onChange={(value) => value && update(rule.key, (r) => withField(r, value as RuleField))}
              allowDeselect={false}
              w={150}
              disabled={disabled}
            />
            <Select
              aria-label={`${label}: operator`}
              data={definition.operators}
              value={rule.operator}
              onChange={(value) => value && update(rule.key, (r) => ({ ...r, operator: value }))}
              allowDeselect={false}
              w={170}
              disabled={disabled}
            />
            {definition.valueKind === 'category' ? (
              <Select
                aria-label={`${label}: category`}
                placeholder="Pick a category"
                data={categories}
                value={rule.text || null}
                onChange={(value) => update(rule.key, (r) => ({ ...r, text: value ?? '' }))}
                searchable
                error={error}
                style={{ flex: '1 1 12rem' }}
                disabled={disabled}
              />
            ) : definition.valueKind === 'status' ? (
              <Select
                aria-label={`${label}: status`}
                data={statusOptions}
                value={rule.text}
                onChange={(value) => value && update(rule.key, (r) => ({ ...r, text: value }))}
                allowDeselect={false}
                style={{ flex: '1 1 12rem' }}
                disabled={disabled}
              />
            ) : (
              <TextInput
                aria-label={`${label}: value`}
                placeholder={definition.valueKind === 'money' ? '0.00' : 'Value'}
                leftSection={definition.valueKind === 'money' ? currencySymbol(currency) : undefined}
                inputMode={definition.valueKind === 'money' ? 'decimal' : undefined}
                value={rule.text}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  update(rule.key, (r) => ({ ...r, text }));
                }}
                error={error}
                style={{ flex: '1 1 12rem' }}
                disabled={disabled}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove condition ${index + 1}`}
              onClick={() =>
                onChange(
                  match,
                  rules.filter((r) => r.key !== rule.key),
                )
              }
              disabled={disabled || rules.length === 1}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <div>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange(match, [...rules, newDraftRule('tag')])}
          disabled={disabled || rules.length >= 25}
        >
          Add condition
        </Button>
      </div>
    </Stack>
  );
}
