import { Badge, Card, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { localeLabel } from '../products/translations/locale-labels.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { templateListQuery } from './email-template-queries.ts';
import type { TemplateLocaleState, TemplateSummary } from './email-template-types.ts';

/**
 * Settings → E-mail templates: every e-mail the store sends its customers, when it goes, and for
 * each of the store's languages whether the store wrote its own text or sends the built-in one.
 * (Return type written out: the router's types include the screens'; see InventoryScreen.)
 */
export function EmailTemplatesScreen(): ReactNode {
  const { store } = useCurrentStore();
  const list = useQuery(templateListQuery(store.handle));

  return (
    <>
      <PageHeader
        title="E-mail templates"
        description="The e-mails customers get from the store: order confirmation, shipping, refunds, returns and their account. Each has a built-in text in English, French, German and Spanish; change the wording in any of your languages."
        actions={
          <ButtonLink to="/stores/$store/mail" params={{ store: store.handle }} variant="default">
            Sent mail
          </ButtonLink>
        }
      />
      <Card withBorder padding={0} radius="md">
        {list.isError ? (
          <LoadFailed what="The templates" error={list.error} onRetry={() => void list.refetch()} inset />
        ) : list.isPending ? (
          <ListSkeleton label="Loading e-mail templates" rows={8} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="E-mail templates" verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Sent when</Table.Th>
                  <Table.Th>Languages</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <TemplateRow key={item.key} item={item} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}

function TemplateRow({ item }: { item: TemplateSummary }) {
  const { store } = useCurrentStore();
  const first = item.locales[0]?.locale;
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink
          to="/stores/$store/settings/email-templates/$templateKey"
          params={{ store: store.handle, templateKey: item.key }}
          search={{ locale: first }}
          size="sm"
          fw={600}
        >
          {item.name}
        </AnchorLink>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {item.sentWhen}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {item.locales.map((state) => (
            <LocaleBadge key={state.locale} templateKey={item.key} state={state} />
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** One language of an e-mail: filled when the store wrote its own text, a link to edit it. */
function LocaleBadge({
  templateKey,
  state,
}: {
  templateKey: TemplateSummary['key'];
  state: TemplateLocaleState;
}) {
  const { store } = useCurrentStore();
  const label = `${localeLabel(state.locale)}: ${state.customised ? 'customised' : 'built-in text'}${state.served ? '' : ', language no longer served'}`;
  return (
    <AnchorLink
      to="/stores/$store/settings/email-templates/$templateKey"
      params={{ store: store.handle, templateKey }}
      search={{ locale: state.locale }}
      underline="never"
      aria-label={label}
      title={label}
    >
      <Badge
        variant={state.customised ? 'filled' : 'outline'}
        color={state.served ? undefined : 'gray'}
        tt="none"
        style={{ cursor: 'pointer' }}
      >
        {state.locale}
        {state.customised ? ' · custom' : ''}
      </Badge>
    </AnchorLink>
  );
}
