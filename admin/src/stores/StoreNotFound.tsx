import { FullPageMessage } from '../ui/FullPageMessage.tsx';
import { IconStore } from '../ui/icons.tsx';
import { ButtonLink } from '../ui/router-links.tsx';

export function StoreNotFound() {
  return (
    <FullPageMessage
      icon={<IconStore size={28} />}
      title="Store not found"
      action={
        <ButtonLink to="/" variant="light">
          Go to your stores
        </ButtonLink>
      }
    >
      This store does not exist, or your account is not a member of it.
    </FullPageMessage>
  );
}
