import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { PurchaseOrderDraftForm } from './PurchaseOrderDraftForm.tsx';
import { parsePrefillLines } from './purchase-order-prefill.ts';

const createRoute = getRouteApi('/signed-in/stores/$store/purchasing/new');

/**
 * Starts a draft order, filled in from the address when it names a supplier and lines (see
 * purchase-order-prefill.ts); once saved, its page takes over (send, receive).
 */
export function PurchaseOrderCreateScreen(): ReactNode {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
  const search = createRoute.useSearch();
  return (
    <>
      <PageHeader
        title="New purchase order"
        description="Choose the supplier and where the goods go, then add what to order. It stays a draft until you send it."
        actions={
          <ButtonLink
            to="/stores/$store/purchasing"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Purchase orders
          </ButtonLink>
        }
      />
      <PurchaseOrderDraftForm
        // Another prefilled link opened from this screen starts a fresh form.
        key={`${search.supplierId ?? ''} ${search.lines ?? ''}`}
        order={null}
        prefill={{ supplierId: search.supplierId, lines: parsePrefillLines(search.lines) }}
        onSaved={(order) => {
          notifySuccess(`${order.label} created as a draft.`);
          void navigate({
            to: '/stores/$store/purchasing/$purchaseOrderId',
            params: { store: store.handle, purchaseOrderId: order.id },
          });
        }}
      />
    </>
  );
}
