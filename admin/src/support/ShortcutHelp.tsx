import { Kbd, Modal, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export const inboxShortcuts: [string, string][] = [
  ['j', 'Next ticket'],
  ['k', 'Previous ticket'],
  ['r', 'Reply to the customer'],
  ['n', 'Write an internal note'],
  ['e', 'Solve the ticket'],
  ['/', 'Search'],
  ['Ctrl + Enter', 'Send (in the reply box)'],
  ['Esc', 'Leave the reply box'],
  ['?', 'This help'],
];

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }): ReactNode {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table>
        <Table.Tbody>
          {inboxShortcuts.map(([key, what]) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Kbd>{key}</Kbd>
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
