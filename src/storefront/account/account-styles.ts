/**
 * What the account pages add to the shared stylesheet, inlined in their head (before it, so rules
 * that change `.wrap` name it too).
 */
export const accountCss = [
  '.wrap.account{padding-top:48px;padding-bottom:80px}',
  '.wrap.account-narrow{max-width:508px}',
  '.account h1{font-size:clamp(1.8rem,4vw,2.4rem);margin:0 0 8px}',
  '.account .lead{color:var(--muted);margin:0 0 24px}',
  '.panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:24px;margin:0 0 24px}',
  '.panel h2{font-size:1.15rem;margin:0 0 16px}',
  '.form{display:grid;gap:16px}.address-form{max-width:720px}',
  '.form-row{display:grid;gap:16px}@media (min-width:560px){.form-row{grid-template-columns:1fr 1fr}}',
  '.field{display:grid;gap:6px}.field label{font-weight:600;font-size:.92rem}.field .optional{color:var(--muted);font-weight:400}',
  '.field input,.field select{font:inherit;padding:10px 12px;border:1px solid #cfccc6;border-radius:10px;background:#fff;width:100%;min-width:0}',
  '.field input:focus,.field select:focus{outline:3px solid rgba(47,93,80,.25);border-color:var(--accent)}',
  // A read-only value (the account's e-mail on a mailed link's page) must not look like a box to type in.
  '.field input[readonly]{background:transparent;border-color:transparent;padding-left:0;outline:none;color:var(--muted)}',
  '.field .hint{color:var(--muted);font-size:.85rem;margin:0}',
  '.field-error input,.field-error select{border-color:#a3342b}.field .error{color:#a3342b;font-size:.88rem;margin:0}',
  '.check{display:flex;gap:10px;align-items:center}',
  '.form-problem{background:#fbeeec;border:1px solid #efc9c4;color:#7d2a22;border-radius:12px;padding:12px 16px;margin:0 0 20px}',
  '.notice-ok{background:#eaf5ef;border:1px solid #c3e2cf;color:#185d3a;border-radius:12px;padding:12px 16px;margin:0 0 24px}',
  '.actions{display:flex;flex-wrap:wrap;gap:12px;align-items:center}',
  '.btn{font:inherit;font-weight:600;cursor:pointer;border-radius:999px;padding:11px 22px;border:1px solid var(--ink);background:var(--ink);color:#fff;text-decoration:none;display:inline-block}',
  '.btn:hover{background:#000}.btn-quiet{background:#fff;color:var(--ink);border-color:var(--line)}.btn-quiet:hover{background:#fff;border-color:var(--ink)}',
  '.btn-small{padding:6px 14px;font-size:.9rem}',
  '.links{margin:20px 0 0;color:var(--muted);font-size:.95rem;display:grid;gap:6px}.links a{color:var(--ink)}',
  '.account-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:12px;margin:0 0 24px}',
  '.account-grid{display:grid;gap:24px;margin:0 0 24px}.account-grid .panel{margin:0}@media (min-width:880px){.account-grid{grid-template-columns:1fr 1fr}}',
  '.addresses{list-style:none;margin:0;padding:0;display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(260px,1fr))}',
  '.address-card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:20px;display:flex;flex-direction:column;gap:12px}',
  '.account address{font-style:normal;line-height:1.5}',
  '.badge{display:inline-block;background:var(--accent);color:#fff;border-radius:999px;padding:2px 10px;font-size:.78rem;font-weight:650;align-self:flex-start}',
  '.inline-form{display:inline}',
  '.muted{color:var(--muted)}',
].join('');
