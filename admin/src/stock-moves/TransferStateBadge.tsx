import { Badge } from '@mantine/core';
import {
  type CountState,
  countStateLabels,
  type TransferState,
  transferStateLabels,
} from './stock-move-types.ts';

const transferColors: Record<TransferState, string> = {
  draft: 'gray',
  in_transit: 'blue',
  received: 'green',
  cancelled: 'red',
};
const countColors: Record<CountState, string> = { open: 'blue', applied: 'green', cancelled: 'red' };

export function TransferStateBadge({ state }: { state: TransferState }) {
  return (
    <Badge variant="light" color={transferColors[state]}>
      {transferStateLabels[state]}
    </Badge>
  );
}

export function CountStateBadge({ state }: { state: CountState }) {
  return (
    <Badge variant="light" color={countColors[state]}>
      {countStateLabels[state]}
    </Badge>
  );
}
