import { compile } from 'html-to-text';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The styles every template's markup may use (h1–h3, p, a.button, table.items with td.qty and
 * td.amount, table.totals with tr.total, table.addresses, .box, .muted). Kept in the head, which
 * the common clients read; the frame itself is inline-styled tables, which every client reads.
 */
const styles = `
body{margin:0;padding:0;background:#f4f4f5;-webkit-text-size-adjust:100%}
.content{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.55;color:#27272a}
.content h1{font-size:22px;line-height:1.3;margin:0 0 16px;color:#18181b}
.content h2{font-size:17px;line-height:1.3;margin:28px 0 8px;color:#18181b}
.content h3{font-size:13px;margin:0 0 4px;color:#52525b;text-transform:uppercase;letter-spacing:.04em}
.content p{margin:0 0 14px}
.content a{color:#1d4ed8}
.content a.button{display:inline-block;background:#18181b;color:#ffffff;text-decoration:none;padding:12px 22px;border-radius:6px;font-weight:600}
.content table{width:100%;border-collapse:collapse}
.content table.items td{padding-top:10px;padding-bottom:10px;border-bottom:1px solid #e4e4e7;vertical-align:top}
.content table.items td:first-child{width:100%}
.content table.totals{margin-bottom:8px}
.content td.qty{text-align:right;white-space:nowrap;padding-left:12px;color:#52525b}
.content td.amount{text-align:right;white-space:nowrap;padding-left:12px}
.content table.totals td{padding-top:4px;padding-bottom:4px}
.content table.totals tr.total td{font-weight:700;font-size:16px;padding-top:10px;border-top:1px solid #e4e4e7}
.content table.addresses td{width:50%;vertical-align:top;padding:16px 16px 0 0}
.content .box{background:#f4f4f5;border-radius:6px;padding:12px 16px 0;margin:0 0 14px}
.content .box p{margin:0;padding:0 0 12px}
.content .muted{color:#71717a;font-size:13px}
@media (max-width:620px){.frame-cell{padding-left:20px!important;padding-right:20px!important}.content table.addresses td{display:block;width:100%}}
`;

export interface LayoutInput {
  storeName: string;
  locale: string;
  subject: string;
  /** The rendered template body (HTML). */
  content: string;
}

/** One simple responsive frame: the store's name above the message, on a light page, 600 px wide at most. */
export function mailLayout({ storeName, locale, subject, content }: LayoutInput): string {
  const name = escapeHtml(storeName);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(subject)}</title>
<style>${styles}</style>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px;border:1px solid #e4e4e7;">
<tr><td class="frame-cell" style="padding:20px 32px;border-bottom:1px solid #e4e4e7;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:18px;font-weight:700;color:#18181b;">${name}</td></tr>
<tr><td class="frame-cell content" style="padding:28px 32px;">
${content}
</td></tr>
</table>
<p style="margin:12px 0 0;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:12px;color:#a1a1aa;">${name}</p>
</td></tr>
</table>
</body>
</html>
`;
}

// The plain-text part: headings as they are (not upper-cased), links as "text [address]", tables as
// aligned columns, images left out.
const toText = compile({
  wordwrap: 78,
  selectors: [
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'table', format: 'dataTable' },
    { selector: 'img', format: 'skip' },
  ],
});

/** The plain-text version of a rendered body, signed with the store's name. */
export function mailText(storeName: string, content: string): string {
  return `${toText(content).trim()}\n\n--\n${storeName}\n`;
}
