import {
  ActionIcon,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { MoneyInput } from '../money/MoneyInput.tsx';
import type { GalleryImage } from '../products/media/media-types.ts';
import { IconArrowDown, IconArrowUp } from '../ui/icons.tsx';
import type { ChangeDraft, ExperimentErrors } from './experiment-draft.ts';

/** The product page's sections by the names the product_sections point gives them. */
const sectionWords: Record<string, string> = { reviews: 'Reviews', related: 'More products' };
const sectionWord = (section: string) => sectionWords[section] ?? section;

/** Every order of the sections (there are two today; a handful would still be a short list). */
function orders(sections: readonly string[]): string[][] {
  if (sections.length <= 1) return [[...sections]];
  return sections.flatMap((first, i) =>
    orders([...sections.slice(0, i), ...sections.slice(i + 1)]).map((rest) => [first, ...rest]),
  );
}

/**
 * The product's images in a variant's order, as the storefront shows them (the product_media_order
 * point's rule): the listed ones first, then the rest in the product's order; unknown ids passed over.
 */
function inImageOrder(order: readonly string[], images: readonly GalleryImage[]): GalleryImage[] {
  const listed = order.flatMap((id) => images.find((i) => i.id === id) ?? []);
  return [...listed, ...images.filter((i) => !listed.includes(i))];
}

/** The inputs a variant shows for `point`, as names under `variants.<i>.change` (for placing the server's errors). */
export function changeInputsOf(point: string | null, currencies: readonly string[]): string[] {
  switch (point) {
    case 'announcement_banner':
      return ['show', 'text', 'link'];
    case 'product_text':
      return ['title', 'description'];
    case 'price_display':
      return ['showCompareAt'];
    case 'product_sections':
    case 'product_media_order':
      return ['order'];
    case 'free_shipping_threshold':
      return currencies.map((currency) => `freeAbove.${currency}`);
    default:
      return [];
  }
}

/**
 * What one variant changes at the experiment's integration point: the banner and its text, the
 * product's title and description, the compare-at price shown or not, the sections' order, a
 * free-shipping threshold per currency, the order of a product's images; for a point the console has no fields for, the change as JSON.
 * `errors` are the form's, read at `variants.<index>.change…`.
 */
export function VariantChangeFields({
  point,
  index,
  change,
  onChange,
  errors,
  currencies,
  sections,
  product,
  images,
}: {
  point: string;
  index: number;
  change: ChangeDraft;
  onChange: (change: Partial<ChangeDraft>) => void;
  errors: ExperimentErrors;
  currencies: readonly string[];
  sections: readonly string[];
  /** product_text: the chosen product's own text, shown where a variant keeps it. */
  product: { title: string; description: string } | null;
  /** product_media_order: the chosen product's images in its own order. */
  images: readonly GalleryImage[];
}) {
  const at = `variants.${index}.change`;
  const error = (field: string) => errors[`${at}.${field}`];
  const whole = errors[at] ? (
    <Text size="xs" c="red" role="alert">
      {errors[at]}
    </Text>
  ) : null;

  switch (point) {
    case 'announcement_banner':
      return (
        <Stack gap="xs">
          <Switch
            label="Show a banner"
            checked={change.show}
            onChange={(e) => onChange({ show: e.currentTarget.checked })}
            error={error('show')}
          />
          {change.show ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Banner text"
                value={change.text}
                onChange={(e) => onChange({ text: e.currentTarget.value })}
                error={error('text')}
                maxLength={200}
              />
              <TextInput
                label="Link"
                description="Optional: a path on the store (/collections/sale) or an https:// address"
                value={change.link}
                onChange={(e) => onChange({ link: e.currentTarget.value })}
                error={error('link')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
          ) : (
            <Text size="xs" c="dimmed">
              Visitors of this variant see no banner.
            </Text>
          )}
          {whole}
        </Stack>
      );
    case 'product_text':
      return (
        <Stack gap="xs">
          <TextInput
            label="Title"
            description="Empty: the product’s own title"
            placeholder={product?.title}
            value={change.title}
            onChange={(e) => onChange({ title: e.currentTarget.value })}
            error={error('title')}
            maxLength={255}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Textarea
            label="Description"
            description="Empty: the product’s own description"
            placeholder={product?.description}
            autosize
            minRows={2}
            maxRows={8}
            value={change.description}
            onChange={(e) => onChange({ description: e.currentTarget.value })}
            error={error('description')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {whole}
        </Stack>
      );
    case 'price_display':
      return (
        <Stack gap="xs">
          <Switch
            label="Show the compare-at price struck through"
            description="Where a product has one"
            checked={change.showCompareAt}
            onChange={(e) => onChange({ showCompareAt: e.currentTarget.checked })}
            error={error('showCompareAt')}
          />
          {whole}
        </Stack>
      );
    case 'product_sections':
      return (
        <Stack gap="xs">
          <Select
            label="Below the product"
            data={orders(sections).map((order) => ({
              value: order.join(','),
              label: order.map(sectionWord).join(', then '),
            }))}
            value={change.order.join(',')}
            onChange={(value) => value && onChange({ order: value.split(',') })}
            allowDeselect={false}
            error={error('order')}
          />
          {whole}
        </Stack>
      );
    case 'product_media_order': {
      const shown = inImageOrder(change.imageOrder, images);
      // Moving an image lists them all, so the variant's order stays as seen here whatever is added later.
      const move = (from: number, to: number) => {
        const ids = shown.map((i) => i.id);
        ids.splice(to, 0, ...ids.splice(from, 1));
        onChange({ imageOrder: ids });
      };
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Images, the first is the main image
          </Text>
          {shown.length === 0 ? (
            <Text size="xs" c="dimmed">
              Choose a product with images above.
            </Text>
          ) : (
            <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Image order">
              {shown.map((image, at) => (
                <Group key={image.id} component="li" gap="xs" wrap="nowrap">
                  <Image src={image.url} alt="" w={40} h={40} radius="sm" fit="cover" />
                  <Text size="sm" flex={1} truncate>
                    {at + 1}. {image.alt || `Image ${image.position}`}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move image ${at + 1} earlier`}
                    disabled={at === 0}
                    onClick={() => move(at, at - 1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move image ${at + 1} later`}
                    disabled={at === shown.length - 1}
                    onClick={() => move(at, at + 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          {error('order') ? (
            <Text size="xs" c="red" role="alert">
              {error('order')}
            </Text>
          ) : null}
          {whole}
        </Stack>
      );
    }
    case 'free_shipping_threshold':
      return (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: Math.min(3, Math.max(1, currencies.length)) }}>
            {currencies.map((currency) => (
              <MoneyInput
                key={currency}
                label={`Free shipping from (${currency})`}
                description="Empty: the store’s own threshold"
                currency={currency}
                value={change.freeAbove[currency] ?? ''}
                onChange={(value) => onChange({ freeAbove: { ...change.freeAbove, [currency]: value } })}
                error={error(`freeAbove.${currency}`)}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            ))}
          </SimpleGrid>
          {whole}
        </Stack>
      );
    default:
      return (
        <Textarea
          label="Change (JSON)"
          description="The console has no fields for this point yet; the server checks the change against its schema."
          autosize
          minRows={2}
          ff="monospace"
          value={change.json}
          onChange={(e) => onChange({ json: e.currentTarget.value })}
          error={errors[at]}
        />
      );
  }
}
