import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '../ui/icons.tsx';
import { ruleLabel } from './rule-labels.ts';
import { SeverityBadge } from './SeverityBadge.tsx';
import type { SeoFinding } from './seo-types.ts';

/** One product's findings, worst first: what is wrong, and one sentence on how to fix it. */
export function FindingList({ findings }: { findings: SeoFinding[] }) {
  if (findings.length === 0) {
    return (
      <Group gap="xs">
        <ThemeIcon color="teal" variant="light" radius="xl" size="sm">
          <IconCheck size={14} />
        </ThemeIcon>
        <Text size="sm">No problems found: this listing follows every rule of the audit.</Text>
      </Group>
    );
  }
  return (
    <List spacing="sm" listStyleType="none" aria-label="SEO findings">
      {findings.map((finding) => (
        <List.Item key={finding.code} data-testid={`finding-${finding.code}`}>
          <Stack gap={2}>
            <Group gap="xs">
              <SeverityBadge severity={finding.severity} />
              <Text size="sm" fw={600}>
                {ruleLabel(finding.code)}
              </Text>
            </Group>
            <Text size="sm">{finding.message}</Text>
            <Text size="sm" c="dimmed">
              {finding.fix}
            </Text>
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
