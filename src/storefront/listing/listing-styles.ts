/**
 * What listing pages (search, categories, collections) add to the shared stylesheet, inlined in
 * their head. Facets sit beside the grid on wide screens and above it on narrow ones, folded.
 */
export const listingCss = [
  '.listing-head{padding:40px 0 8px}.listing-head h1{font-size:clamp(1.8rem,4vw,2.6rem);margin:0 0 8px}.listing-head p{color:var(--muted);margin:0}',
  '.listing{display:grid;gap:32px;padding-top:16px}@media (min-width:880px){.listing{grid-template-columns:240px minmax(0,1fr)}}',
  '.facet-panel{display:grid;gap:4px;font-size:.93rem}',
  '.facet{border-bottom:1px solid var(--line);padding:10px 0}.facet summary{font-weight:650;cursor:pointer;padding:4px 0;list-style-position:inside}',
  '.facet ul{list-style:none;margin:6px 0 0;padding:0;display:grid;gap:2px;max-height:320px;overflow:auto}',
  '.facet-choice,.facet-link{display:flex;align-items:center;gap:8px;text-decoration:none;padding:4px 2px;border-radius:8px}.facet-choice:hover,.facet-link:hover{background:#efede9}',
  '.facet-label{flex:1;min-width:0;overflow-wrap:anywhere}.count{color:var(--muted);font-variant-numeric:tabular-nums;font-size:.85rem}',
  '.tick{width:16px;height:16px;border:1.5px solid #9a978f;border-radius:4px;flex:none;background:#fff}',
  '.facet-choice[aria-current] .tick{background:var(--accent);border-color:var(--accent);box-shadow:inset 0 0 0 3px #fff}',
  '.facet-choice[aria-current] .facet-label{font-weight:620}',
  '.price-form{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-top:10px}.price-form label{display:grid;gap:2px;font-size:.8rem;color:var(--muted);flex:1 1 70px}',
  '.price-form input,.price-form button,.search-form input,.search-form button{font:inherit;padding:7px 10px;border:1px solid var(--line);border-radius:10px;background:#fff;min-width:0}',
  '.price-form button,.search-form button{background:var(--ink);color:#fff;border-color:var(--ink);cursor:pointer}',
  '.listing-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px;margin:0 0 20px}.listing-count{margin:0;font-weight:600}',
  '.sort-links{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:.92rem;color:var(--muted)}.sort-links a{text-decoration:none}',
  '.sort-links a[aria-current]{color:var(--ink);font-weight:650;text-decoration:underline;text-underline-offset:4px}',
  '.active-filters{flex-basis:100%;list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px}',
  '.active-filters a{display:inline-block;text-decoration:none;background:#fff;border:1px solid var(--line);border-radius:999px;padding:4px 12px;font-size:.88rem}',
  '.active-filters a:hover{border-color:var(--ink)}.active-filters .clear-filters{border-style:dashed}',
  '.pagination{display:flex;flex-wrap:wrap;gap:6px;justify-content:center;align-items:center;margin:-40px 0 72px}',
  '.pagination a{text-decoration:none;min-width:38px;text-align:center;padding:6px 10px;border-radius:10px;border:1px solid var(--line);background:#fff}',
  '.pagination a[aria-current]{background:var(--ink);color:#fff;border-color:var(--ink)}.pagination .gap{color:var(--muted)}',
  '.search-form{display:flex;gap:8px;max-width:560px;margin:16px 0 0}.search-form input{flex:1;font-size:1.05rem;padding:10px 14px}',
  '.search-note{color:var(--muted);margin:12px 0 0}.search-note strong{color:var(--ink)}',
  // Narrow screens: the products first, the filters after them, reached by a link in the toolbar.
  '.to-filters{display:none}@media (max-width:879px){.listing-results{order:-1}.to-filters{display:inline;font-weight:600}.pagination{margin-top:0}}',
].join('');
