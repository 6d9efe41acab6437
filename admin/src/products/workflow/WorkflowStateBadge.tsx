import { Badge, type BadgeProps, Group } from '@mantine/core';
import type { ProductWorkflow, RevisionState, WorkflowState } from './workflow-types.ts';

const stateLooks: Record<WorkflowState, { color: string; label: string }> = {
  draft: { color: 'gray', label: 'Draft' },
  in_review: { color: 'yellow', label: 'In review' },
  approved: { color: 'indigo', label: 'Approved' },
  published: { color: 'teal', label: 'Published' },
  unpublished: { color: 'gray', label: 'Unpublished' },
  archived: { color: 'orange', label: 'Archived' },
};

export const revisionStateLabels: Record<RevisionState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  discarded: 'Discarded',
};

/**
 * Where the product stands in review-before-publish, and — for a live product — where its pending
 * changes stand ("Published" + "Changes in review").
 */
export function WorkflowStateBadge({ workflow, ...props }: { workflow: ProductWorkflow } & BadgeProps) {
  const look = stateLooks[workflow.state];
  const { revision } = workflow;
  const pending =
    revision?.kind === 'staged'
      ? `Changes: ${revisionStateLabels[revision.state].toLowerCase()}`
      : revision?.state === 'changes_requested'
        ? 'Changes requested'
        : null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="workflow-state">
      <Badge color={look.color} variant="light" {...props}>
        {look.label}
      </Badge>
      {pending ? (
        <Badge
          color={revision?.state === 'changes_requested' ? 'red' : 'yellow'}
          variant="outline"
          {...props}
        >
          {pending}
        </Badge>
      ) : null}
    </Group>
  );
}
