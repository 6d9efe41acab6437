/**
 * The storefront's one stylesheet, inlined in every page: it is small, and inlining saves the
 * render-blocking round trip a linked file would cost on the first visit.
 */
export const storefrontCss = `
:root{--ink:#16181d;--muted:#626873;--line:#e7e5e1;--bg:#f7f6f3;--card:#fff;--accent:#2f5d50;--ok:#1d7a4c;--radius:16px;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);-webkit-font-smoothing:antialiased;display:flex;flex-direction:column;min-height:100vh}
main{flex:1}
a{color:inherit}
img{max-width:100%;height:auto;display:block}
h1,h2,h3{letter-spacing:-.02em;line-height:1.15}
.wrap{width:100%;max-width:1180px;margin:0 auto;padding:0 24px}
.skip{position:absolute;left:-999px}.skip:focus{left:16px;top:16px;background:#fff;padding:8px 12px;z-index:20}
.site-header{background:rgba(255,255,255,.92);backdrop-filter:saturate(1.4) blur(8px);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:10}
.site-header .wrap{display:flex;align-items:center;justify-content:space-between;gap:16px;min-height:64px}
.brand{font-weight:750;font-size:1.2rem;letter-spacing:-.02em;text-decoration:none;display:flex;align-items:center;gap:10px}
.brand-mark{flex:none;width:30px;height:30px;border-radius:9px;background:var(--ink);color:#fff;display:grid;place-items:center;font-size:.95rem;font-weight:700}
.nav{display:flex;gap:20px;font-size:.95rem}
.nav a{text-decoration:none;color:var(--muted)}.nav a:hover{color:var(--ink)}
.site-header .nav{margin-left:auto}
.account-link{text-decoration:none;white-space:nowrap;font-size:.95rem;font-weight:600;padding:6px 14px;border:1px solid var(--line);border-radius:999px;background:#fff}.account-link:hover{border-color:var(--ink)}
.hero{padding:64px 0 44px}
.eyebrow{color:var(--accent);font-weight:650;font-size:.8rem;text-transform:uppercase;letter-spacing:.12em;margin:0 0 12px}
.hero h1{font-size:clamp(2.2rem,6vw,3.8rem);letter-spacing:-.035em;margin:0 0 16px;max-width:16ch}
.hero p{color:var(--muted);margin:0;font-size:1.125rem;max-width:56ch}
.section-head{display:flex;align-items:baseline;justify-content:space-between;gap:16px;margin:0 0 20px}
.section-head h2{font-size:1.35rem;margin:0}
.section-head span{color:var(--muted);font-size:.95rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:24px;list-style:none;margin:0 0 72px;padding:0}
.card{display:flex;flex-direction:column;height:100%;text-decoration:none;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);overflow:hidden;transition:transform .18s ease,box-shadow .18s ease}
.card:hover{transform:translateY(-3px);box-shadow:0 14px 34px rgba(22,24,29,.09)}
.card:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.card img{width:100%;aspect-ratio:1;object-fit:cover;background:#efede9}
.card-body{padding:16px 18px 18px;display:flex;flex-direction:column;gap:4px;flex:1}
.card-vendor{color:var(--muted);font-size:.78rem;text-transform:uppercase;letter-spacing:.08em}
.card-title{font-weight:620;font-size:1rem;line-height:1.35;margin:0}
.card .price{margin-top:auto;padding-top:8px}
.price{font-weight:650;font-variant-numeric:tabular-nums}
.empty{background:var(--card);border:1px dashed var(--line);border-radius:var(--radius);padding:48px 24px;text-align:center;color:var(--muted);margin:0 0 72px}
.crumbs{font-size:.9rem;color:var(--muted);padding-top:28px}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0}
.crumbs li+li:before{content:"/";margin-right:8px;color:#b3b0aa}
.crumbs a{text-decoration:none}.crumbs a:hover{color:var(--ink)}
.product{display:grid;grid-template-columns:1fr;gap:32px;padding-top:24px;padding-bottom:64px;align-items:start}
@media (min-width:880px){.product{grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:64px}.product-info{position:sticky;top:96px}}
.product-media img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:calc(var(--radius) + 4px);border:1px solid var(--line);background:#fff}
.product-media .thumbs{list-style:none;display:flex;flex-wrap:wrap;gap:10px;margin:14px 0 0;padding:0}
.product-media .thumbs img{width:96px;height:96px;border-radius:12px}
.variants ul{list-style:none;display:flex;flex-wrap:wrap;gap:8px;margin:0 0 24px;padding:0}
.variants a{display:inline-block;padding:8px 14px;border:1px solid var(--line);border-radius:999px;background:#fff;text-decoration:none;font-size:.95rem}
.variants a[aria-current]{border-color:var(--ink);font-weight:650}
.product-vendor{color:var(--muted);text-transform:uppercase;letter-spacing:.1em;font-size:.8rem;font-weight:600;margin:0 0 10px}
.product h1{font-size:clamp(1.9rem,4vw,2.75rem);margin:0 0 14px}
.product-price{font-size:1.6rem;margin:0 0 24px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:10px 24px;margin:0 0 28px;padding:20px 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line);font-size:.95rem}
.facts dt{color:var(--muted)}.facts dd{margin:0}
.stock{display:inline-flex;align-items:center;gap:8px;color:var(--ok);font-weight:600}
.stock:before{content:"";width:8px;height:8px;border-radius:50%;background:currentColor;box-shadow:0 0 0 4px rgba(29,122,76,.14)}
.stock-low_stock,.stock-backorder{color:#9a5b00}
.stock-out_of_stock{color:#a3342b}
.stock-low_stock:before,.stock-backorder:before,.stock-out_of_stock:before{box-shadow:none}
.variants .sold-out a{color:var(--muted);border-style:dashed}
.description{font-size:1.02rem;color:#2b2e35}
.description p{margin:0 0 1em;white-space:pre-line}
.related{padding-bottom:8px}.related:before{content:"";display:block;border-top:1px solid var(--line);margin:0 0 48px}
.notice{padding-top:96px;padding-bottom:112px;text-align:center}
.notice .code{font-size:.85rem;font-weight:700;color:var(--accent);letter-spacing:.14em;margin:0 auto 12px}
.notice h1{font-size:clamp(1.8rem,4vw,2.6rem);margin:0 0 12px}
.notice p{color:var(--muted);margin:0 auto 28px;max-width:52ch}
.button{display:inline-block;background:var(--ink);color:#fff;text-decoration:none;padding:12px 22px;border-radius:999px;font-weight:600}
.button:hover{background:#000}
.stores{list-style:none;padding:0;margin:0 0 72px;display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(280px,1fr))}
.store-card{display:block;text-decoration:none;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:24px;transition:box-shadow .18s ease}
.store-card:hover{box-shadow:0 14px 34px rgba(22,24,29,.09)}
.store-card h2{font-size:1.2rem;margin:0 0 6px}
.store-card p{margin:0;color:var(--muted);font-size:.92rem}
.consent-banner{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;max-width:1120px;margin:12px auto 0;padding:12px 16px;border:1px solid var(--line);border-radius:8px;background:#fff}
.announcement-banner{max-width:1120px;margin:12px auto 0;padding:10px 16px;border-radius:8px;background:var(--ink);color:#fff;text-align:center}
.announcement-banner p{margin:0}
.announcement-banner a{color:#fff;font-weight:600}
.consent-banner p{margin:0;flex:1 1 320px}
.consent-banner button{font:inherit;font-weight:600;padding:8px 18px;border-radius:999px;border:1px solid var(--ink);background:var(--ink);color:#fff;cursor:pointer}
.consent-banner button.secondary{background:#fff;color:var(--ink)}
.site-footer{border-top:1px solid var(--line);background:#fff;color:var(--muted);font-size:.9rem}
.site-footer .wrap{display:flex;flex-wrap:wrap;gap:12px 24px;justify-content:space-between;padding-top:28px;padding-bottom:28px}
.site-footer nav{display:flex;gap:20px}
.site-footer a{text-decoration:none}.site-footer a:hover{color:var(--ink)}
.site-footer a[aria-current]{color:var(--ink);font-weight:600}
.cart-link{display:inline-flex;align-items:center;gap:8px;text-decoration:none;white-space:nowrap;font-size:.95rem;font-weight:600;padding:6px 8px 6px 14px;border-radius:999px;background:var(--ink);color:#fff}.cart-link:hover{background:#000}
.cart-count{display:inline-grid;place-items:center;min-width:22px;height:22px;padding:0 6px;border-radius:999px;background:#fff;color:var(--ink);font-size:.78rem;font-weight:700}.cart-count[hidden]{display:none}.cart-link:has(.cart-count[hidden]){padding-right:14px}
.js .js-hide{display:none}
.compare-at,.price s{color:var(--muted);font-weight:500;font-size:.8em;margin-left:6px}
.buy{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:0 0 24px}
.buy label{display:grid;gap:6px;font-weight:600;font-size:.9rem}
.buy select,.buy input{font:inherit;height:48px;padding:0 12px;border:1px solid #cfccc6;border-radius:10px;background:#fff}.buy input{width:88px}
.buy button{font:inherit;font-weight:650;font-size:1.02rem;height:48px;padding:0 28px;border-radius:999px;border:0;background:var(--ink);color:#fff;cursor:pointer;flex:1;min-width:200px}.buy button:hover{background:#000}.buy button:disabled{background:#8d9097;cursor:not-allowed}
.market-form{display:flex;align-items:center;gap:8px}.market-form select,.market-form button{font:inherit;font-size:.88rem;padding:5px 8px;border:1px solid var(--line);border-radius:8px;background:#fff;color:var(--ink)}.market-form button{cursor:pointer}
.reviews{margin:0 auto 48px}.reviews h2{margin:0 0 8px}.rating-summary{display:flex;gap:12px;align-items:baseline;margin:0 0 20px;color:var(--muted)}.stars{color:#b7791f;letter-spacing:2px;position:relative;display:inline-block;white-space:nowrap}.stars-filled{position:absolute;left:0;top:0;overflow:hidden}
.review-list{list-style:none;margin:0;padding:0;display:grid;gap:16px}.review{border:1px solid var(--line);border-radius:var(--radius);padding:16px 20px;background:var(--card)}.review h3{margin:4px 0;font-size:1.02rem}.review p{margin:6px 0}.review-body{white-space:pre-line}.review-meta{color:var(--muted);font-size:.88rem}.review-verified{color:#2f5d50;font-weight:600}.review-photos{display:flex;gap:8px;flex-wrap:wrap}.review-photos img{width:96px;height:96px;object-fit:cover;border-radius:8px}.review-reply{border-left:3px solid var(--line);padding-left:12px;color:var(--muted)}
@media (max-width:560px){.wrap{padding-left:16px;padding-right:16px}.hero{padding:48px 0 32px}.grid{grid-template-columns:repeat(2,minmax(0,1fr));gap:12px}.card-body{padding:12px}.nav{display:none}}
@media (prefers-reduced-motion:reduce){.card,.store-card{transition:none}.card:hover{transform:none}}
`
  .trim()
  .replace(/\n/g, '');
