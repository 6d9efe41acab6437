import { Card, Grid, Group, Image, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ProductImageRef } from '../api/types.ts';
import { currencyFractionDigits, currencySymbol } from '../money/minor-units.ts';
import type { ProductField, ProductFormErrors, ProductFormValues } from './product-form-values.ts';
import { OptionsEditor } from './variants/OptionsEditor.tsx';
import { VariantGrid } from './variants/VariantGrid.tsx';
import { gridOptions } from './variants/variant-combinations.ts';
import { blankVariant, type VariantDraft } from './variants/variant-drafts.ts';
import { cellErrorKey } from './variants/variant-errors.ts';

const seoTitleLimit = 60;
const seoDescriptionLimit = 160;
// One empty list, not a new one per render: the variant grid redraws rows only when their inputs change.
const noImages: ProductImageRef[] = [];

function CharacterCount({ length, limit }: { length: number; limit: number }) {
  const over = length > limit;
  return (
    <Text component="span" size="xs" c={over ? 'orange.8' : 'dimmed'}>
      {length} / {limit} characters{over ? ' — search engines may cut it short' : ` (recommended ≤ ${limit})`}
    </Text>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={3} size="h5" mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

/**
 * The product's fields, laid out as a main column (what customers read) and a side column
 * (status and organisation). The screen owns the values and what saving means.
 */
export function ProductForm({
  values,
  errors,
  currency,
  onChange,
  readOnly,
  statusCard,
  storeName,
  media,
  seoPreview,
  variantImages = noImages,
}: {
  values: ProductFormValues;
  errors: ProductFormErrors;
  currency: string;
  onChange: (changes: Partial<ProductFormValues>) => void;
  readOnly: boolean;
  statusCard: ReactNode;
  storeName: string;
  /** Replaces the image URL field (the editor's gallery). */
  media?: ReactNode;
  /** Replaces the simple search-result preview (the editor's SEO panel). */
  seoPreview?: ReactNode;
  /** The product's images, for choosing each variant's. */
  variantImages?: ProductImageRef[];
}) {
  const digits = currencyFractionDigits(currency);
  const examplePrice = digits === 0 ? '1200' : `19.${'9'.repeat(digits)}`;
  const previewTitle = values.seoTitle.trim() || values.title.trim() || 'Product title';
  const previewDescription =
    values.seoDescription.trim() ||
    values.description.trim().slice(0, seoDescriptionLimit) ||
    'No description yet.';
  const text = (field: ProductField) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ [field]: event.currentTarget.value }),
    error: errors[field],
    readOnly,
  });
  // Without options the product has one variant, whose price and SKU are the simple form's.
  const hasVariants = gridOptions(values.options).length > 0;
  const single = values.variants[0] ?? blankVariant;
  const singleText = (field: 'price' | 'sku') => ({
    value: single[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const text = event.currentTarget.value;
      const changed: VariantDraft = { ...single, [field]: text };
      onChange({ variants: [changed, ...values.variants.slice(1)] });
    },
    error: errors[cellErrorKey(single.key, field)],
    readOnly,
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <Section title="Details">
            <TextInput label="Title" placeholder="Linen apron" required {...text('title')} />
            <TextInput
              label="Handle"
              description="The product's address on the storefront. Suggested from the title."
              placeholder="linen-apron"
              leftSection={
                <Text size="sm" c="dimmed">
                  /
                </Text>
              }
              {...text('handle')}
            />
            <Textarea
              label="Description"
              placeholder="What it is, what it is made of, why it is worth buying."
              autosize
              minRows={5}
              maxRows={16}
              {...text('description')}
            />
          </Section>

          {hasVariants ? null : (
            <Section title="Pricing and inventory">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Price"
                  description={`In ${currency}${digits === 0 ? ', whole units' : `, up to ${digits} decimals`}`}
                  inputMode="decimal"
                  placeholder={examplePrice}
                  leftSection={
                    <Text size="sm" c="dimmed">
                      {currencySymbol(currency)}
                    </Text>
                  }
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {currency}
                    </Text>
                  }
                  rightSectionWidth={48}
                  required
                  {...singleText('price')}
                />
                <TextInput
                  label="SKU"
                  description="Stock keeping unit, unique in this store."
                  placeholder="APR-LIN-01"
                  maxLength={64}
                  {...singleText('sku')}
                />
              </SimpleGrid>
            </Section>
          )}

          <OptionsEditor
            options={values.options}
            variants={values.variants}
            errors={errors}
            readOnly={readOnly}
            onChange={onChange}
          />
          {hasVariants ? (
            <VariantGrid
              options={gridOptions(values.options)}
              variants={values.variants}
              errors={errors}
              currency={currency}
              images={variantImages}
              readOnly={readOnly}
              onChange={(variants) => onChange({ variants })}
            />
          ) : null}

          {media ?? (
            <Section title="Media">
              <Group align="flex-start" wrap="nowrap" gap="md">
                <TextInput
                  label="Image URL"
                  placeholder="https://images.example.com/apron.jpg"
                  type="url"
                  style={{ flex: 1 }}
                  {...text('imageUrl')}
                />
                {values.imageUrl.trim() && !errors.imageUrl ? (
                  <Image
                    src={values.imageUrl.trim()}
                    alt="Image preview"
                    w={72}
                    h={72}
                    radius="sm"
                    fit="cover"
                    mt={24}
                    fallbackSrc="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 72 72'%3E%3Crect width='72' height='72' fill='%23f1f3f5'/%3E%3C/svg%3E"
                  />
                ) : null}
              </Group>
            </Section>
          )}

          <Section title="Search engine listing">
            <TextInput
              label="SEO title"
              placeholder={values.title || 'Defaults to the product title'}
              description={<CharacterCount length={values.seoTitle.length} limit={seoTitleLimit} />}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...text('seoTitle')}
            />
            <Textarea
              label="SEO description"
              placeholder="A sentence or two that makes people click."
              description={
                <CharacterCount length={values.seoDescription.length} limit={seoDescriptionLimit} />
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autosize
              minRows={2}
              maxRows={5}
              {...text('seoDescription')}
            />
            {seoPreview ?? (
              <Card
                bg="var(--mantine-color-gray-0)"
                radius="sm"
                padding="sm"
                aria-label="Search result preview"
              >
                <Text size="xs" c="dimmed">
                  {storeName} › {values.handle || 'handle'}
                </Text>
                <Text c="indigo.8" size="md" lineClamp={1}>
                  {previewTitle.slice(0, seoTitleLimit)}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {previewDescription}
                </Text>
              </Card>
            )}
          </Section>
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          {statusCard}
          <Section title="Organization">
            <TextInput label="Vendor" placeholder="Brand or maker" {...text('vendor')} />
            <TextInput label="Product type" placeholder="e.g. Mugs, Coffee beans" {...text('productType')} />
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
