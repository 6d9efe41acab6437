import type { ImageManifest, Product } from '../modules/catalog/index.ts';
import { formatMoney } from '../platform/money.ts';
import { cardPrice } from './market/market-prices.ts';
import { imageAttributes } from './responsive-image.ts';
import { productImagePath, productPath, type StorefrontSite } from './site.ts';

/** Generated sizes of cards' images, by product id (`loadCoverImageManifests`). */
export type CardImages = ReadonlyMap<string, ImageManifest>;

/**
 * How wide a card's picture is shown: two columns on phones, three or four on wider screens, never
 * wider than a column of the 1180px page.
 */
const CARD_SIZES = '(max-width: 560px) 50vw, (max-width: 1180px) 34vw, 300px';

export function ProductGrid({
  site,
  products,
  images,
}: {
  site: StorefrontSite;
  products: Product[];
  images?: CardImages | undefined;
}) {
  return (
    <ul class="grid">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard site={site} product={product} image={images?.get(product.id)} />
        </li>
      ))}
    </ul>
  );
}

function ProductCard({
  site,
  product,
  image,
}: {
  site: StorefrontSite;
  product: Product;
  image: ImageManifest | undefined;
}) {
  const price = cardPrice(site, product);
  const picture = imageAttributes(productImagePath(site, product), image, {
    sizes: CARD_SIZES,
    fallbackWidth: 480,
    width: 600,
    height: 600,
  });
  return (
    <a class="card" href={productPath(site, product.handle)}>
      <img
        src={picture.src}
        srcset={picture.srcset}
        sizes={picture.sizes}
        alt=""
        width={picture.width}
        height={picture.height}
        loading="lazy"
        decoding="async"
      />
      <div class="card-body">
        {product.vendor ? <span class="card-vendor">{product.vendor}</span> : null}
        <h3 class="card-title">{product.title}</h3>
        <span class="price">
          {formatMoney(price.amount, price.currency, site.locale)}
          {price.compareAtAmount ? (
            <s>{formatMoney(price.compareAtAmount, price.currency, site.locale)}</s>
          ) : null}
        </span>
      </div>
    </a>
  );
}
