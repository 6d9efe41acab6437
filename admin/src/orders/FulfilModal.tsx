import { Modal, NumberInput, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { locationsQuery } from '../inventory/inventory-queries.ts';
import { numberCell } from '../inventory/StockTable.tsx';
import { orderFormErrorsFrom } from '../purchasing/line-errors.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { FormFooter } from '../ui/FormFooter.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { lineTitle } from './OrderLinesCard.tsx';
import { unfulfilledOf } from './order-amounts.ts';
import { orderName } from './order-labels.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail } from './order-types.ts';
import { emptyTracking, TrackingFields, type TrackingValues, trackingBody } from './TrackingFields.tsx';

type Field = 'carrier' | 'trackingNumber' | 'trackingUrl' | 'locationId';
const fieldFor: Record<string, Field> = {
  carrier: 'carrier',
  trackingNumber: 'trackingNumber',
  trackingUrl: 'trackingUrl',
  locationId: 'locationId',
};

/**
 * Ships a parcel: which units of which lines (all that are left, to start with), from where, with
 * which carrier and tracking number, and whether the customer hears of it. The server's refusals
 * show on the line or field they are about.
 */
export function FulfilModal({
  order,
  prefix,
  onClose,
}: {
  order: OrderDetail;
  prefix: string;
  onClose: () => void;
}) {
  const { store, can } = useCurrentStore();
  const fulfil = useOrderAction(store.handle, order.id);
  const locations = useQuery({ ...locationsQuery(store.handle), enabled: can('inventory:read') });
  const open = order.lines.filter((line) => unfulfilledOf(line) > 0);
  const [quantities, setQuantities] = useState<Record<string, number>>(() =>
    Object.fromEntries(open.map((line) => [line.id, unfulfilledOf(line)])),
  );
  const [locationId, setLocationId] = useState<string | null>(null);
  const [tracking, setTracking] = useState<TrackingValues>(emptyTracking);
  const [notify, setNotify] = useState(true);
  const [errors, setErrors] = useState(orderFormErrorsFrom<Field>(null, fieldFor));
  // With one location there is nothing to choose: the parcel leaves from where the items were sold.
  const locationOptions = (locations.data ?? [])
    .filter((l) => l.active)
    .map((l) => ({ value: l.id, label: l.name }));
  const chosen = open.filter((line) => (quantities[line.id] ?? 0) > 0);
  const units = chosen.reduce((sum, line) => sum + (quantities[line.id] ?? 0), 0);

  const submit = () => {
    if (chosen.length === 0) {
      setErrors({ lines: {}, fields: {}, general: 'Choose at least one item to ship.' });
      return;
    }
    fulfil.mutate(
      {
        path: '/fulfilments',
        body: {
          lines: chosen.map((line) => ({ orderLineId: line.id, quantity: quantities[line.id] })),
          ...(locationId ? { locationId } : {}),
          ...trackingBody(tracking),
          notifyCustomer: notify,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(
            `${units} ${units === 1 ? 'item' : 'items'} of ${orderName(order, prefix)} marked as shipped.`,
          );
          onClose();
        },
        onError: (error) => setErrors(orderFormErrorsFrom(error, fieldFor)),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Fulfil ${orderName(order, prefix)}`} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Table aria-label="Items to ship" verticalSpacing="xs" highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th ta="right" w={170}>
                  Quantity to ship
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((line) => {
                const index = chosen.findIndex((c) => c.id === line.id);
                const left = unfulfilledOf(line);
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {lineTitle(line)}
                      </Text>
                      {line.sku ? (
                        <Text size="xs" c="dimmed">
                          SKU {line.sku}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Quantity to ship of ${lineTitle(line)}`}
                        value={quantities[line.id] ?? 0}
                        onChange={(value) =>
                          setQuantities((q) => ({ ...q, [line.id]: typeof value === 'number' ? value : 0 }))
                        }
                        min={0}
                        max={left}
                        clampBehavior="strict"
                        allowDecimal={false}
                        allowNegative={false}
                        rightSection={
                          <Text size="xs" c="dimmed" pr={6} style={numberCell}>
                            of {left}
                          </Text>
                        }
                        rightSectionWidth={52}
                        error={index >= 0 ? errors.lines[index]?.quantity : undefined}
                        styles={{ input: { textAlign: 'right' } }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {locationOptions.length > 1 ? (
            <Select
              label="Ships from"
              placeholder="Where the items were sold from"
              data={locationOptions}
              value={locationId}
              onChange={setLocationId}
              clearable
              error={errors.fields.locationId}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          <TrackingFields
            values={tracking}
            onChange={setTracking}
            errors={{
              carrier: errors.fields.carrier,
              trackingNumber: errors.fields.trackingNumber,
              trackingUrl: errors.fields.trackingUrl,
            }}
          />
          <Switch
            label="Send the customer a shipping confirmation"
            description={`To ${order.email}, with the tracking link when there is one.`}
            checked={notify}
            onChange={(e) => setNotify(e.currentTarget.checked)}
          />
          <FormFooter
            general={errors.general}
            submitLabel={units > 0 ? `Ship ${units} ${units === 1 ? 'item' : 'items'}` : 'Ship'}
            pending={fulfil.isPending}
            onCancel={onClose}
            submitDisabled={units === 0}
          />
        </Stack>
      </form>
    </Modal>
  );
}
