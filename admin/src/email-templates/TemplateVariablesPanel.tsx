import { Badge, Card, Group, ScrollArea, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { IconSearch } from '../ui/icons.tsx';
import type { TemplateVariable } from './email-template-types.ts';
import classes from './TemplateVariablesPanel.module.css';
import { exampleText, variableGroup } from './variable-example.ts';

const groupTitles: Record<string, string> = {
  store: 'Store',
  customer: 'Customer',
  order: 'Order',
  payment: 'Payment',
  fulfilment: 'Parcel',
  cancellation: 'Cancellation',
  refund: 'Refund',
  return: 'Return',
  mail: 'This e-mail',
};

/**
 * The variables an e-mail offers, grouped, each with what it is and its example value; a click puts
 * it in the subject or body where the cursor was (`onInsert`), or nothing when the text is read-only.
 */
export function TemplateVariablesPanel({
  variables,
  onInsert,
}: {
  variables: TemplateVariable[];
  onInsert: ((variable: TemplateVariable) => void) | null;
}) {
  const [filter, setFilter] = useState('');
  const wanted = filter.trim().toLowerCase();
  const shown = variables.filter(
    (v) => !wanted || v.name.toLowerCase().includes(wanted) || v.description.toLowerCase().includes(wanted),
  );
  const groups = [...new Set(shown.map((v) => variableGroup(v.name)))];

  return (
    <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Variables">
      <Stack gap="xs" h="100%">
        <div>
          <Title order={3} size="h5">
            Variables
          </Title>
          <Text size="xs" c="dimmed">
            {onInsert ? 'Click one to insert it where the cursor is.' : 'What the text can show.'} Values are
            escaped, so a customer’s input never becomes markup.
          </Text>
        </div>
        <TextInput
          size="xs"
          placeholder="Find a variable"
          aria-label="Find a variable"
          leftSection={<IconSearch size={14} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        <ScrollArea.Autosize mah={560} type="auto" offsetScrollbars>
          <Stack gap="sm">
            {groups.map((group) => (
              <Stack key={group} gap={2}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  {groupTitles[group] ?? group}
                </Text>
                {shown
                  .filter((v) => variableGroup(v.name) === group)
                  .map((variable) => (
                    <VariableItem key={variable.name} variable={variable} onInsert={onInsert} />
                  ))}
              </Stack>
            ))}
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed">
                No variable matches.
              </Text>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}

function VariableItem({
  variable,
  onInsert,
}: {
  variable: TemplateVariable;
  onInsert: ((variable: TemplateVariable) => void) | null;
}) {
  const content = (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="xs" ff="monospace" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {variable.name}
        </Text>
        <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
          {variable.type}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {variable.description}
      </Text>
      <Text size="xs" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>
        e.g. {exampleText(variable)}
      </Text>
    </Stack>
  );
  if (!onInsert) return <div className={classes.item}>{content}</div>;
  return (
    <UnstyledButton
      className={classes.item}
      onClick={() => onInsert(variable)}
      // Keep the cursor where it is in the field being edited.
      onMouseDown={(e) => e.preventDefault()}
      aria-label={`Insert ${variable.name}`}
    >
      {content}
    </UnstyledButton>
  );
}
