import { Badge, Card, Group, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { UnsavedChangesGuard } from '../../ui/UnsavedChangesGuard.tsx';
import { languageName } from './locale-labels.ts';
import { TranslationEditor } from './TranslationEditor.tsx';
import { translationStatusQuery } from './translation-queries.ts';

/**
 * The product in the store's other languages: one tab per locale, each saying how much is still
 * untranslated, with the default-language text beside every field. Each tab saves on its own.
 */
export function ProductTranslationsPanel({ productId, live }: { productId: string; live: boolean }) {
  const { store, can } = useCurrentStore();
  const readOnlyReason = !can('catalog:write')
    ? 'Your role can read translations but not change them.'
    : undefined;
  // The rule of every catalog edit: what shoppers see changes only through someone who may publish,
  // so without that permission a live product's translations are saved for review.
  const staged = live && !can('catalog:publish');
  const status = useQuery(translationStatusQuery(store.handle, productId));
  const [chosen, setChosen] = useState<string | null>(null);
  const dirtyLocales = useRef(new Set<string>());
  const onDirtyChange = useCallback((locale: string, dirty: boolean) => {
    if (dirty) dirtyLocales.current.add(locale);
    else dirtyLocales.current.delete(locale);
  }, []);

  const locales = status.data?.locales ?? [];
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      mt="lg"
      id="translations"
      component="section"
      aria-label="Translations"
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Translations
        </Title>
        {status.data && locales.length > 0 ? (
          <Text size="sm" c="dimmed">
            Default language: {languageName(status.data.defaultLocale)}
          </Text>
        ) : null}
      </Group>
      {status.isError ? (
        <Text size="sm" c="red">
          {status.error.message}
        </Text>
      ) : status.isPending ? (
        <Text size="sm" c="dimmed">
          Loading translations…
        </Text>
      ) : locales.length === 0 ? (
        <Text size="sm" c="dimmed">
          This store sells in {languageName(status.data.defaultLocale)} only.{' '}
          <AnchorLink to="/stores/$store/languages" params={{ store: store.handle }}>
            Add a language
          </AnchorLink>{' '}
          to translate its products.
        </Text>
      ) : (
        <Tabs
          value={chosen ?? (locales.find((l) => !l.complete) ?? locales[0]!).locale}
          onChange={setChosen}
          keepMounted
        >
          <UnsavedChangesGuard hasUnsavedChanges={() => dirtyLocales.current.size > 0} />
          <Tabs.List>
            {locales.map((l) => (
              <Tabs.Tab
                key={l.locale}
                value={l.locale}
                rightSection={
                  l.complete ? (
                    <Badge size="xs" color="teal" variant="light">
                      Complete
                    </Badge>
                  ) : (
                    <Badge size="xs" color="orange" variant="light">
                      {l.missing.length} missing
                    </Badge>
                  )
                }
              >
                {languageName(l.locale)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {locales.map((l) => (
            <Tabs.Panel key={l.locale} value={l.locale}>
              <TranslationEditor
                productId={productId}
                locale={l.locale}
                readOnlyReason={readOnlyReason}
                staged={staged}
                onDirtyChange={onDirtyChange}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Card>
  );
}
