import { Badge } from '@mantine/core';
import { severityColors, severityLabels } from './rule-labels.ts';
import type { SeoSeverity } from './seo-types.ts';

export function SeverityBadge({ severity }: { severity: SeoSeverity }) {
  return (
    <Badge color={severityColors[severity]} variant="light" size="sm" radius="sm">
      {severityLabels[severity]}
    </Badge>
  );
}
