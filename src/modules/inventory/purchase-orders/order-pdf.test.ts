import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OrderDocument } from './order-document.ts';
import { renderOrderPdf } from './order-pdf.ts';

const document = (lineCount: number): OrderDocument => ({
  label: 'PO-1042',
  storeName: 'Linen & Loom',
  locale: 'de-DE',
  currency: 'EUR',
  orderedOn: '2030-03-01',
  expectedOn: '2030-03-20',
  note: 'Please deliver before noon.',
  supplier: {
    name: 'Nordic Linen',
    contactName: 'Sven',
    email: 'po@nordic.example',
    phone: null,
    addressLines: ['Hamngatan 1', '111 47 Stockholm', 'SE'],
  },
  deliverTo: { name: 'Main warehouse', addressLines: ['Dockweg 4', '20457 Hamburg', 'DE'] },
  lines: Array.from({ length: lineCount }, (_, i) => ({
    supplierSku: `NL-${i + 1}`,
    sku: `SKU-${i + 1}`,
    // Characters the built-in fonts cannot draw must not break the document.
    description: i === 0 ? 'Leinentuch 枕 – groß' : `Sheet ${i + 1} – 200 × 260 cm`,
    quantity: 4,
    unitCostAmount: 1250,
    lineTotalAmount: 5000,
  })),
  units: 4 * lineCount,
  totalAmount: 5000 * lineCount,
});

/** Pages in an uncompressed page tree: each page object is `/Type /Page` (the tree is `/Pages`). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('purchase order PDF', () => {
  test('a short order is one A4 page titled with the order number', async () => {
    const pdf = await renderOrderPdf(document(3));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.includes('Purchase order PO-1042'));
    assert.equal(pageCount(pdf), 1);
  });

  test('a long order continues on further pages', async () => {
    const pdf = await renderOrderPdf(document(120));
    assert.ok(pageCount(pdf) >= 3, `pages: ${pageCount(pdf)}`);
  });
});
