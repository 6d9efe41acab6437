import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { PurchaseOrderDraftForm } from './PurchaseOrderDraftForm.tsx';

/** Starts a draft order; once saved, its page takes over (send, receive). */
export function PurchaseOrderCreateScreen(): ReactNode {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
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
        order={null}
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
