import { stringify } from 'csv-stringify/sync';
import { formatMinorAsDecimal } from '../../../platform/money.ts';
import type { OrderDocument } from './order-document.ts';

export const orderCsvColumns = [
  'po_number',
  'line',
  'supplier_sku',
  'sku',
  'description',
  'quantity',
  'unit_cost',
  'line_total',
  'currency',
] as const;

/**
 * A purchase order as CSV for suppliers that import orders: one row per line, amounts as plain
 * decimals ("12.50") in the order's currency, so a spreadsheet or an ERP reads them without guessing.
 */
export function renderOrderCsv(document: OrderDocument): Buffer {
  const money = (amount: number) => formatMinorAsDecimal(amount, document.currency);
  const rows = document.lines.map((line, index) => [
    document.label,
    index + 1,
    line.supplierSku ?? '',
    line.sku ?? '',
    line.description,
    line.quantity,
    money(line.unitCostAmount),
    money(line.lineTotalAmount),
    document.currency,
  ]);
  return Buffer.from(stringify([[...orderCsvColumns], ...rows]), 'utf8');
}
