import {
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { type SupplierInput, useSaveSupplier } from './purchasing-queries.ts';
import type { OrderFormat, Supplier } from './purchasing-types.ts';

type Field =
  | 'name'
  | 'contactName'
  | 'email'
  | 'phone'
  | 'currency'
  | 'leadTimeDays'
  | 'minimumOrderQuantity';
const fieldFor: Record<string, Field> = {
  name: 'name',
  contactName: 'contactName',
  email: 'email',
  phone: 'phone',
  currency: 'currency',
  leadTimeDays: 'leadTimeDays',
  minimumOrderQuantity: 'minimumOrderQuantity',
};

/** Adds a supplier (`supplier` null) or changes one; the server's objections show on their fields. */
export function SupplierFormModal({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const { store } = useCurrentStore();
  const save = useSaveSupplier(store.handle);
  const [name, setName] = useState(supplier?.name ?? '');
  const [contactName, setContactName] = useState(supplier?.contactName ?? '');
  const [email, setEmail] = useState(supplier?.email ?? '');
  const [phone, setPhone] = useState(supplier?.phone ?? '');
  const [currency, setCurrency] = useState(supplier?.currency ?? store.baseCurrency);
  const [leadTimeDays, setLeadTimeDays] = useState<number | string>(supplier?.leadTimeDays ?? 0);
  const [minimum, setMinimum] = useState<number | string>(supplier?.minimumOrderQuantity ?? '');
  const [orderFormat, setOrderFormat] = useState<OrderFormat>(supplier?.orderFormat ?? 'pdf');
  const [active, setActive] = useState(supplier?.active ?? true);
  const { errors, general, showFound, showServerError } = useFormErrors(fieldFor);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = 'Give the supplier a name.';
    if (typeof leadTimeDays !== 'number') found.leadTimeDays = 'Days from order to delivery, 0 to 365.';
    if (!showFound(found)) return;
    const text = (value: string) => value.trim() || null;
    const input: SupplierInput = {
      name: name.trim(),
      contactName: text(contactName),
      email: text(email),
      phone: text(phone),
      currency: currency.trim(),
      leadTimeDays: leadTimeDays as number,
      minimumOrderQuantity: typeof minimum === 'number' ? minimum : null,
      orderFormat,
      active,
    };
    save.mutate(
      { id: supplier?.id ?? null, input },
      {
        onSuccess: (saved) => {
          notifySuccess(supplier ? `${saved.name} saved.` : `${saved.name} added.`);
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={supplier ? `Edit ${supplier.name}` : 'Add supplier'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            placeholder="Nordic Ceramics Ltd"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={120}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Contact"
              value={contactName}
              onChange={(e) => setContactName(e.currentTarget.value)}
              error={errors.contactName}
              maxLength={120}
            />
            <TextInput
              label="Phone"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={errors.phone}
              maxLength={40}
            />
          </SimpleGrid>
          <TextInput
            label="E-mail"
            description="Purchase orders are sent here."
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Currency"
              description="Its prices and orders."
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
              error={errors.currency}
              maxLength={3}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <NumberInput
              label="Lead time (days)"
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={leadTimeDays}
              onChange={setLeadTimeDays}
              error={errors.leadTimeDays}
            />
            <NumberInput
              label="Minimum order (units)"
              placeholder="None"
              min={1}
              allowDecimal={false}
              allowNegative={false}
              value={minimum}
              onChange={setMinimum}
              error={errors.minimumOrderQuantity}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Order format
            </Text>
            <SegmentedControl
              aria-label="Order format"
              value={orderFormat}
              onChange={(value) => setOrderFormat(value as OrderFormat)}
              data={[
                { value: 'pdf', label: 'PDF' },
                { value: 'csv', label: 'CSV' },
              ]}
              w={200}
            />
          </Stack>
          <Switch
            label="Active"
            description="Inactive suppliers keep their orders but are not offered for new ones."
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            mt="xs"
          />
          <FormFooter
            general={general}
            submitLabel={supplier ? 'Save supplier' : 'Add supplier'}
            pending={save.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
