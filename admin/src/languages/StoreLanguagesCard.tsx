import { Autocomplete, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  canonicalLocaleTag,
  commonLocales,
  languageName,
  localeLabel,
} from '../products/translations/locale-labels.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconPlus, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { useSaveStoreLocales } from './language-queries.ts';

/** The tag in a picked suggestion ("French (fr)"), or what was typed ("fr-ca"). */
function tagOf(input: string): string {
  return /\(([^()]+)\)\s*$/.exec(input)?.[1] ?? input;
}

/**
 * The languages the storefront sells in: the default (the catalog's own language) and the others,
 * each served under its own prefix. Adding or removing one saves at once; translations of a removed
 * language are kept and come back when it is added again.
 */
export function StoreLanguagesCard({
  storeHandle,
  defaultLocale,
  locales,
  incomplete,
  canEdit,
}: {
  storeHandle: string;
  defaultLocale: string;
  locales: string[];
  /** Locale → products not yet fully translated. */
  incomplete: Map<string, number>;
  canEdit: boolean;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const save = useSaveStoreLocales(storeHandle);

  const add = () => {
    const tag = canonicalLocaleTag(tagOf(typed));
    if (!tag) {
      setError('Use a BCP 47 language tag such as fr, de-CH, es-419 or zh-Hant.');
      return;
    }
    if (locales.includes(tag)) {
      setError(`${localeLabel(tag)} is already on the list.`);
      return;
    }
    save.mutate([...locales, tag], {
      onSuccess: () => {
        setTyped('');
        notifySuccess(`The storefront now serves ${languageName(tag)} pages.`, `${languageName(tag)} added`);
      },
      onError: (failure) => notifyError(failure, 'The language was not added'),
    });
  };

  const remove = (locale: string) => {
    save.mutate(
      locales.filter((l) => l !== locale),
      {
        onSuccess: () => {
          setRemoving(null);
          notifySuccess(
            `${languageName(locale)} pages are no longer served.`,
            `${languageName(locale)} removed`,
          );
        },
        onError: (failure) => notifyError(failure, 'The language was not removed'),
      },
    );
  };

  const suggestions = commonLocales.filter((l) => !locales.includes(l)).map(localeLabel);

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb={4}>
        Storefront languages
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Products are written in the default language. Every other language gets its own addresses (for example
        /{(locales[1] ?? 'fr').toLowerCase()}/products/…), hreflang links for search engines, and a
        translation tab in the product editor. Untranslated text shows in the default language.
      </Text>
      <Table verticalSpacing="sm" highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Language</Table.Th>
            <Table.Th>Tag</Table.Th>
            <Table.Th>Products to translate</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locales.map((locale) => (
            <Table.Tr key={locale}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {languageName(locale)}
                  </Text>
                  {locale === defaultLocale ? (
                    <Badge size="sm" variant="light">
                      Default
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {locale}
                </Text>
              </Table.Td>
              <Table.Td>
                {locale === defaultLocale ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (incomplete.get(locale) ?? 0) === 0 ? (
                  <Badge size="sm" color="teal" variant="light">
                    All translated
                  </Badge>
                ) : (
                  <Badge size="sm" color="orange" variant="light">
                    {incomplete.get(locale)} incomplete
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {canEdit && locale !== defaultLocale ? (
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => setRemoving(locale)}
                  >
                    Remove
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit ? (
        <Stack gap={4} mt="md">
          <Group align="flex-start" gap="sm">
            <Autocomplete
              label="Add a language"
              placeholder="French (fr), or any BCP 47 tag"
              data={suggestions}
              value={typed}
              onChange={(value) => {
                setTyped(value);
                setError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
              error={error}
              limit={12}
              style={{ flex: '1 1 18rem', maxWidth: 420 }}
            />
            <Button
              mt={25}
              leftSection={<IconPlus size={16} />}
              onClick={add}
              loading={save.isPending && removing === null}
              disabled={!typed.trim()}
            >
              Add
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="md">
          Only people who may change store settings can add or remove languages.
        </Text>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={`Stop selling in ${removing ? languageName(removing) : ''}?`}
        confirmLabel="Remove language"
        loading={save.isPending}
        onConfirm={() => removing && remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        {`The storefront stops serving its ${removing ?? ''} pages (they answer 404). The translations are kept and come back if you add the language again.`}
      </ConfirmDialog>
    </Card>
  );
}
