import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { CatalogItemsPicker } from '../catalog-pickers/CatalogItemsPicker.tsx';
import { countryOptions } from '../countries/country-names.ts';
import { suggestHandle } from '../handles/suggest-handle.ts';
import { marketsQuery } from '../markets/market-queries.ts';
import { galleryQuery } from '../products/media/media-queries.ts';
import { productQuery } from '../products/product-queries.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { notifySuccess } from '../ui/notify.ts';
import {
  bodyOf,
  type ChangeDraft,
  draftOf,
  type ExperimentDraft,
  type ExperimentErrors,
  maxVariants,
  newVariant,
  productPoints,
  productSectionsOf,
  sharesOf,
  type VariantDraft,
} from './experiment-draft.ts';
import { experimentErrorsFrom } from './experiment-errors.ts';
import { experimentMetrics, metricHints, metricWords, pointWords } from './experiment-words.ts';
import {
  type Experiment,
  type ExperimentMetric,
  type ExperimentPointInfo,
  experimentPointsQuery,
  useCreateExperiment,
  useUpdateExperiment,
} from './experiments-queries.ts';
import { changeInputsOf, VariantChangeFields } from './variant-change-fields.tsx';

const splitColours = ['gray', 'blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo', 'yellow'];

/** Inputs outside the variants that a server error can name (see experiment-errors.ts). */
const experimentInputs = [
  'key',
  'name',
  'hypothesis',
  'point',
  'productId',
  'variants',
  'audience',
  'devices',
  'countries',
  'primaryMetric',
  'secondaryMetrics',
  'guardrailMetrics',
  'startsAt',
  'stopsAt',
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={5}>{title}</Title>
      {children}
    </Stack>
  );
}

/**
 * Defines an experiment or changes one (docs/experiments.md): what is tested and why, the point it
 * changes, 2–10 variants (the first is the control) with their weights and changes, who takes part,
 * the metrics that judge it and an optional window. Once a test has run its key, point, product
 * and variants stay (the server refuses otherwise); names, texts, weights and the rest may change.
 */
export function ExperimentForm({
  experiment,
  onClose,
}: {
  experiment: Experiment | null;
  onClose: () => void;
}) {
  const { store, can } = useCurrentStore();
  const points = useQuery(experimentPointsQuery(store.handle));
  // Free-shipping thresholds are given per currency the store sells in; without the markets, its own.
  const markets = useQuery({ ...marketsQuery(store.handle), enabled: can('pricing:read') });
  const currencies = [
    ...new Set([store.baseCurrency, ...(markets.data ?? []).filter((m) => m.active).map((m) => m.currency)]),
  ];
  const title = experiment ? `Edit ${experiment.name}` : 'New experiment';

  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      {points.isPending || (can('pricing:read') && markets.isPending) ? (
        <ListSkeleton label="Loading the integration points" />
      ) : points.isError ? (
        <LoadFailed
          what="The integration points"
          error={points.error}
          onRetry={() => void points.refetch()}
        />
      ) : (
        <DefinitionForm
          experiment={experiment}
          points={points.data}
          currencies={currencies}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function DefinitionForm({
  experiment,
  points,
  currencies,
  onClose,
}: {
  experiment: Experiment | null;
  points: ExperimentPointInfo[];
  currencies: string[];
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const sections = productSectionsOf(points);
  const [draft, setDraft] = useState<ExperimentDraft>(() => draftOf(experiment, sections));
  const [errors, setErrors] = useState<ExperimentErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // The form is longer than the window: a refusal brings its first marked input into view.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const marked = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    marked?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [errors]);
  const create = useCreateExperiment(store.handle);
  const update = useUpdateExperiment(store.handle);
  const product = useQuery({
    ...productQuery(store.handle, draft.productId ?? ''),
    enabled: draft.point === 'product_text' && draft.productId !== null,
  });
  const gallery = useQuery({
    ...galleryQuery(store.handle, draft.productId ?? ''),
    enabled: draft.point === 'product_media_order' && draft.productId !== null,
  });
  // After a test ran, visitors' buckets hang on its key and their assignments on the variant keys.
  const started = experiment !== null && experiment.status !== 'draft';
  const shares = sharesOf(draft.variants);
  // A saved experiment's point that this server no longer offers is still shown by its key.
  const pointChoices = [
    ...points.map((p) => p.key),
    ...(draft.point && !points.some((p) => p.key === draft.point) ? [draft.point] : []),
  ];
  const chosenPoint = points.find((p) => p.key === draft.point);

  const change = (patch: Partial<ExperimentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeVariant = (id: number, patch: Partial<VariantDraft>) =>
    setDraft((d) => ({ ...d, variants: d.variants.map((v) => (v.id === id ? { ...v, ...patch } : v)) }));
  const changeChange = (id: number, patch: Partial<ChangeDraft>) =>
    setDraft((d) => ({
      ...d,
      variants: d.variants.map((v) => (v.id === id ? { ...v, change: { ...v.change, ...patch } } : v)),
    }));
  const metricOptions = (taken: readonly ExperimentMetric[]) =>
    experimentMetrics.filter((m) => !taken.includes(m)).map((m) => ({ value: m, label: metricWords[m] }));
  // A choice names the metric and says what it counts; the chosen one is shown by its name only.
  const metricOption = ({ option }: { option: { value: string; label: string } }) => (
    <Stack gap={0}>
      <Text size="sm">{option.label}</Text>
      <Text size="xs" c="dimmed">
        {metricHints[option.value as ExperimentMetric]}
      </Text>
    </Stack>
  );

  const isInput = (input: string) => {
    if (experimentInputs.includes(input)) return true;
    const match = /^variants\.(\d+)\.(.+)$/.exec(input);
    if (!match || Number(match[1]) >= draft.variants.length) return false;
    const field = match[2]!;
    return (
      field === 'name' ||
      field === 'weight' ||
      field === 'change' ||
      (field.startsWith('change.') && changeInputsOf(draft.point, currencies).includes(field.slice(7)))
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = bodyOf(draft, currencies);
    setGeneral(null);
    if (!read.ok) {
      setErrors(read.found);
      return;
    }
    setErrors({});
    const done = () => {
      notifySuccess(experiment ? 'The experiment was changed.' : 'The experiment was saved as a draft.');
      onClose();
    };
    const refused = (error: unknown) => {
      const placed = experimentErrorsFrom(error, draft.point, isInput);
      setErrors(placed.fields);
      setGeneral(placed.general);
    };
    if (experiment) {
      update.mutate({ id: experiment.id, body: read.body }, { onSuccess: done, onError: refused });
    } else {
      create.mutate(read.body, { onSuccess: done, onError: refused });
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="lg">
        {started ? (
          <Alert color="blue">
            This test has run: its key, what it changes and its variants stay. Names, texts, weights, who
            takes part, metrics and dates can change; visitors already in it keep their variant.
          </Alert>
        ) : null}
        <Section title="What is tested">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              value={draft.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                change(draft.keyFollowsName ? { name, key: suggestHandle(name, 64) } : { name });
              }}
              error={errors.name}
              maxLength={200}
            />
            <TextInput
              label="Key"
              description={
                started ? 'Fixed: visitors’ variants depend on it' : 'Lower-case letters, digits and hyphens'
              }
              required
              value={draft.key}
              onChange={(e) => change({ key: e.currentTarget.value, keyFollowsName: false })}
              error={errors.key}
              disabled={started}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <Textarea
            label="Hypothesis"
            description="What you expect to happen and why, e.g. “A free-shipping banner raises conversion”"
            autosize
            minRows={2}
            value={draft.hypothesis}
            onChange={(e) => change({ hypothesis: e.currentTarget.value })}
            error={errors.hypothesis}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </Section>

        <Section title="What changes">
          <Select
            label="Part of the storefront"
            placeholder="Choose what the test changes"
            data={pointChoices.map((key) => ({ value: key, label: pointWords[key] ?? key }))}
            value={draft.point}
            onChange={(point) => change({ point })}
            description={chosenPoint?.description}
            error={errors.point}
            disabled={started}
            allowDeselect={false}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {draft.point !== null && productPoints.includes(draft.point) ? (
            <CatalogItemsPicker
              scope="products"
              label="Product"
              ids={draft.productId ? [draft.productId] : []}
              // One product for every variant: choosing another replaces it.
              onChange={(ids) =>
                // Image orders name the former product's images: another product starts from its own order.
                setDraft((d) => ({
                  ...d,
                  productId: ids.at(-1) ?? null,
                  variants: d.variants.map((v) => ({ ...v, change: { ...v.change, imageOrder: [] } })),
                }))
              }
              error={errors.productId}
              disabled={started}
            />
          ) : null}
        </Section>

        <Section title="Variants">
          <Text size="sm" c="dimmed">
            The first is the control. Each visitor gets one variant by its weight and keeps it.
          </Text>
          {shares.every((s) => s !== null) ? (
            <Progress.Root size={20} aria-label="Split">
              {draft.variants.map((v, i) => (
                <Progress.Section key={v.id} value={shares[i]!} color={splitColours[i % splitColours.length]}>
                  <Progress.Label>
                    {v.name || `Variant ${i + 1}`} {shares[i]} %
                  </Progress.Label>
                </Progress.Section>
              ))}
            </Progress.Root>
          ) : null}
          {draft.variants.map((variant, i) => (
            <Fieldset key={variant.id} legend={i === 0 ? 'Variant 1 (control)' : `Variant ${i + 1}`}>
              <Stack gap="sm">
                <Group align="flex-start" wrap="nowrap">
                  <TextInput
                    label="Name"
                    required
                    flex={1}
                    value={variant.name}
                    onChange={(e) => changeVariant(variant.id, { name: e.currentTarget.value })}
                    error={errors[`variants.${i}.name`]}
                    maxLength={120}
                  />
                  <NumberInput
                    label="Weight"
                    w={110}
                    min={0}
                    max={1_000_000}
                    value={variant.weight}
                    onChange={(weight) => changeVariant(variant.id, { weight })}
                    error={errors[`variants.${i}.weight`]}
                  />
                  <Stack gap={0} w={70} pt={26}>
                    <Text size="sm" fw={600} ta="right" data-testid="variant-share">
                      {shares[i] === null ? '–' : `${shares[i]} %`}
                    </Text>
                    <Text size="xs" c="dimmed" ta="right">
                      of visitors
                    </Text>
                  </Stack>
                  {i > 0 && !started && draft.variants.length > 2 ? (
                    <CloseButton
                      mt={28}
                      aria-label={`Remove ${variant.name || `variant ${i + 1}`}`}
                      onClick={() => change({ variants: draft.variants.filter((v) => v.id !== variant.id) })}
                    />
                  ) : null}
                </Group>
                {draft.point ? (
                  <VariantChangeFields
                    point={draft.point}
                    index={i}
                    change={variant.change}
                    onChange={(patch) => changeChange(variant.id, patch)}
                    errors={errors}
                    currencies={currencies}
                    sections={sections}
                    product={product.data ?? null}
                    images={gallery.data?.images ?? []}
                  />
                ) : (
                  <Text size="xs" c="dimmed">
                    Choose what the test changes to say what this variant shows.
                  </Text>
                )}
              </Stack>
            </Fieldset>
          ))}
          {errors.variants ? (
            <Text size="sm" c="red" role="alert">
              {errors.variants}
            </Text>
          ) : null}
          {!started && draft.variants.length < maxVariants ? (
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus />}
                onClick={() =>
                  change({ variants: [...draft.variants, newVariant(draft.variants.length, sections)] })
                }
              >
                Add variant
              </Button>
            </Group>
          ) : null}
        </Section>

        <Section title="Who takes part">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Visitors
              </Text>
              <SegmentedControl
                aria-label="Visitors"
                data={[
                  { value: 'all', label: 'All visitors' },
                  { value: 'new_visitors', label: 'New visitors' },
                ]}
                value={draft.audience}
                onChange={(audience) => change({ audience: audience as ExperimentDraft['audience'] })}
              />
              {errors.audience ? (
                <Text size="xs" c="red">
                  {errors.audience}
                </Text>
              ) : null}
            </Stack>
            <Checkbox.Group
              label="Devices"
              description="None ticked: every device, tablets included"
              value={draft.devices}
              onChange={(devices) => change({ devices: devices as ExperimentDraft['devices'] })}
              error={errors.devices}
            >
              <Group mt={6}>
                <Checkbox value="mobile" label="Mobile" />
                <Checkbox value="desktop" label="Desktop" />
              </Group>
            </Checkbox.Group>
          </SimpleGrid>
          <MultiSelect
            label="Countries"
            description="Empty: visitors from anywhere"
            placeholder={draft.countries.length === 0 ? 'Search countries' : undefined}
            data={countryOptions}
            value={draft.countries}
            onChange={(countries) => change({ countries })}
            error={errors.countries}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={260}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        </Section>

        <Section title="How it is judged">
          <Select
            label="Primary metric"
            description="The one the decision is made on"
            data={metricOptions([...draft.secondaryMetrics, ...draft.guardrailMetrics])}
            value={draft.primaryMetric}
            onChange={(value) => value && change({ primaryMetric: value as ExperimentMetric })}
            error={errors.primaryMetric}
            renderOption={metricOption}
            allowDeselect={false}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label="Secondary metrics"
              description="Watched as well"
              data={metricOptions([draft.primaryMetric, ...draft.guardrailMetrics])}
              value={draft.secondaryMetrics}
              onChange={(value) => change({ secondaryMetrics: value as ExperimentMetric[] })}
              error={errors.secondaryMetrics}
              renderOption={metricOption}
              searchable
              clearable
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <MultiSelect
              label="Guardrail metrics"
              description="Must not get worse"
              data={metricOptions([draft.primaryMetric, ...draft.secondaryMetrics])}
              value={draft.guardrailMetrics}
              onChange={(value) => change({ guardrailMetrics: value as ExperimentMetric[] })}
              error={errors.guardrailMetrics}
              renderOption={metricOption}
              searchable
              clearable
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
        </Section>

        <Section title="When">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label="Starts"
              description="Optional: a running test assigns visitors from then"
              value={draft.startsAt}
              onChange={(e) => change({ startsAt: e.currentTarget.value })}
              error={errors.startsAt}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <TextInput
              type="datetime-local"
              label="Stops"
              description="Optional: and until then"
              value={draft.stopsAt}
              onChange={(e) => change({ stopsAt: e.currentTarget.value })}
              error={errors.stopsAt}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
        </Section>

        <Stack gap="xs">
          {Object.keys(errors).length > 0 && !general ? (
            <Text size="sm" c="red">
              Not saved: see the fields marked above.
            </Text>
          ) : null}
          <FormFooter
            general={general}
            submitLabel={experiment ? 'Save changes' : 'Save as draft'}
            pending={create.isPending || update.isPending}
            onCancel={onClose}
          />
        </Stack>
      </Stack>
    </form>
  );
}
