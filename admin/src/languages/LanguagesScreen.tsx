import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { missingTranslationsQuery } from '../products/translations/translation-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { storeDetailQuery } from '../stores/store-queries.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CenteredLoader } from '../ui/route-states.tsx';
import { MissingTranslationsCard } from './MissingTranslationsCard.tsx';
import { StoreLanguagesCard } from './StoreLanguagesCard.tsx';

/** The store's languages and how far the catalog is translated into each. */
export function LanguagesScreen() {
  const { store, can } = useCurrentStore();
  const detail = useQuery(storeDetailQuery(store.handle));
  const progress = useQuery({
    ...missingTranslationsQuery(store.handle, { limit: 1, offset: 0 }),
    enabled: can('catalog:read'),
  });
  if (detail.isPending) return <CenteredLoader />;
  if (detail.isError) {
    return (
      <Alert color="red" title="Could not load the store settings">
        {detail.error.message}
      </Alert>
    );
  }
  const { locale, locales } = detail.data.store;
  const incomplete = new Map((progress.data?.locales ?? []).map((l) => [l.locale, l.incompleteProducts]));
  return (
    <Stack gap="lg">
      <PageHeader
        title="Languages"
        description="Sell in more than one language: each language has its own storefront addresses, and search engines are told which page is which."
      />
      <StoreLanguagesCard
        storeHandle={store.handle}
        defaultLocale={locale}
        locales={locales}
        incomplete={incomplete}
        canEdit={can('store:write')}
      />
      {locales.length > 1 && can('catalog:read') ? (
        <MissingTranslationsCard storeHandle={store.handle} locales={locales.filter((l) => l !== locale)} />
      ) : null}
    </Stack>
  );
}
