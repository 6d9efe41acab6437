import type { Product } from '../modules/catalog/index.ts';
import { formatMoney } from '../platform/money.ts';
import { productImagePath, productPath, type StorefrontSite } from './site.ts';

export function ProductGrid({ site, products }: { site: StorefrontSite; products: Product[] }) {
  return (
    <ul class="grid">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard site={site} product={product} />
        </li>
      ))}
    </ul>
  );
}

function ProductCard({ site, product }: { site: StorefrontSite; product: Product }) {
  return (
    <a class="card" href={productPath(site, product.handle)}>
      <img
        src={productImagePath(site, product)}
        alt=""
        width={600}
        height={600}
        loading="lazy"
        decoding="async"
      />
      <div class="card-body">
        {product.vendor ? <span class="card-vendor">{product.vendor}</span> : null}
        <h3 class="card-title">{product.title}</h3>
        <span class="price">{formatMoney(product.priceAmount, product.currency, site.locale)}</span>
      </div>
    </a>
  );
}
