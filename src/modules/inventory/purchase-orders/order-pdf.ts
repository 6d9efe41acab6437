import PDFDocument from 'pdfkit';
import { formatMoney } from '../../../platform/money.ts';
import type { OrderDocument } from './order-document.ts';

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** Table columns on an A4 page: x, width, alignment. */
const columns = {
  supplierSku: { x: 50, width: 85, align: 'left' },
  item: { x: 140, width: 175, align: 'left' },
  quantity: { x: 320, width: 45, align: 'right' },
  unitCost: { x: 370, width: 85, align: 'right' },
  total: { x: 460, width: 85, align: 'right' },
} as const;

// The PDF's built-in fonts (no font files to ship) cover Windows-1252: Latin-1 and these.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the built-in fonts can draw: no-break spaces (from number formatting) become spaces, other characters outside Windows-1252 a "?". */
function drawable(text: string): string {
  return [...text.replace(/[\u00a0\u202f]/g, ' ')]
    .map((ch) => ((ch.codePointAt(0) ?? 0) <= 0xff || winAnsiExtras.has(ch) ? ch : '?'))
    .join('');
}

/**
 * A purchase order as a one-or-more-page A4 PDF: the store and order number, supplier and delivery
 * address, one row per line (supplier SKU, item, quantity, unit cost, line total) and the total,
 * with amounts formatted for the store's locale.
 */
export function renderOrderPdf(document: OrderDocument): Promise<Buffer> {
  const money = (amount: number) => drawable(formatMoney(amount, document.currency, document.locale));
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Purchase order ${document.label}`,
      Author: drawable(document.storeName),
      Subject: `Purchase order ${document.label} for ${drawable(document.supplier.name)}`,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const bottom = pdf.page.height - MARGIN;

  pdf.font(BOLD).fontSize(18).text(drawable(document.storeName), MARGIN, MARGIN);
  pdf.font(FONT).fontSize(14).text(`Purchase order ${document.label}`);
  pdf.moveDown(0.3).fontSize(10).text(`Order date: ${document.orderedOn}`);
  if (document.expectedOn) pdf.text(`Expected delivery: ${document.expectedOn}`);
  pdf.moveDown(1);

  const blockTop = pdf.y;
  const supplierLines = [
    document.supplier.name,
    document.supplier.contactName ? `Attn. ${document.supplier.contactName}` : null,
    ...document.supplier.addressLines,
    document.supplier.email,
    document.supplier.phone,
  ].filter((l): l is string => Boolean(l));
  pdf.font(BOLD).text('Supplier', MARGIN, blockTop);
  pdf.font(FONT).text(drawable(supplierLines.join('\n')), MARGIN, pdf.y, { width: 240 });
  const supplierBottom = pdf.y;
  pdf.font(BOLD).text('Deliver to', 305, blockTop);
  pdf
    .font(FONT)
    .text(drawable([document.deliverTo.name, ...document.deliverTo.addressLines].join('\n')), 305, pdf.y, {
      width: 240,
    });
  let y = Math.max(supplierBottom, pdf.y) + 20;

  const header = {
    supplierSku: 'Supplier SKU',
    item: 'Item',
    quantity: 'Qty',
    unitCost: 'Unit cost',
    total: 'Total',
  };
  const row = (cells: Record<keyof typeof columns, string>, font: string) => {
    pdf.font(font).fontSize(9);
    const height =
      Math.max(
        ...Object.entries(cells).map(([k, text]) =>
          pdf.heightOfString(text, { width: columns[k as keyof typeof columns].width }),
        ),
      ) + 6;
    if (y + height > bottom) {
      pdf.addPage();
      y = MARGIN;
      // Each page's table starts with the column names.
      if (cells !== header) {
        row(header, BOLD);
        pdf.font(font).fontSize(9);
      }
    }
    for (const [key, text] of Object.entries(cells)) {
      const column = columns[key as keyof typeof columns];
      pdf.text(text, column.x, y + 3, { width: column.width, align: column.align });
    }
    y += height;
    pdf
      .moveTo(MARGIN, y)
      .lineTo(pdf.page.width - MARGIN, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
  };
  row(header, BOLD);
  for (const line of document.lines) {
    row(
      {
        supplierSku: drawable(line.supplierSku ?? ''),
        item: drawable(line.sku ? `${line.description}\nSKU ${line.sku}` : line.description),
        quantity: String(line.quantity),
        unitCost: money(line.unitCostAmount),
        total: money(line.lineTotalAmount),
      },
      FONT,
    );
  }
  row(
    {
      supplierSku: '',
      item: `Total (${document.units} units)`,
      quantity: '',
      unitCost: '',
      total: money(document.totalAmount),
    },
    BOLD,
  );

  if (document.note) {
    if (y + 40 > bottom) {
      pdf.addPage();
      y = MARGIN;
    }
    pdf
      .font(BOLD)
      .fontSize(10)
      .text('Note', MARGIN, y + 15);
    pdf.font(FONT).text(drawable(document.note), { width: pdf.page.width - 2 * MARGIN });
  }
  pdf.end();
  return finished;
}
