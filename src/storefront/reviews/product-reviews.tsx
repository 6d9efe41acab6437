import type { ProductRatingSummary, ReviewView } from '../../modules/reviews/index.ts';
import { reviewPhotoPath } from '../../modules/reviews/index.ts';
import type { StorefrontSite } from '../site.ts';
import { reviewPaths } from './review-paths.ts';
import { reviewWords } from './review-words.ts';

/** What a product page shows of its reviews: the published ones and their exact figures. */
export interface ProductReviews {
  summary: ProductRatingSummary;
  reviews: readonly ReviewView[];
}

/**
 * Five stars as text, filled as far as the rating goes: 4.3 fills four stars and a third of the
 * fifth (filled stars laid over empty ones, cut at the rating's share of the width). Readable
 * without pictures or fonts; the label says the rating in words.
 */
export function Stars({ rating, label }: { rating: number; label: string }) {
  const share = Math.min(5, Math.max(0, rating)) / 5;
  return (
    <span class="stars" role="img" aria-label={label}>
      <span aria-hidden="true">☆☆☆☆☆</span>
      <span class="stars-filled" aria-hidden="true" style={`width:${(share * 100).toFixed(1)}%`}>
        ★★★★★
      </span>
    </span>
  );
}

/** The average as the page's language writes it (4.5, 4,5). */
function averageText(locale: string, average: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    average,
  );
}

function dayText(locale: string, at: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** The reviews section under a product. Every text is escaped by the renderer. */
export function ProductReviewsSection({
  site,
  productId,
  data,
}: {
  site: StorefrontSite;
  productId: string;
  data: ProductReviews;
}) {
  const w = reviewWords(site.locale);
  const { summary } = data;
  return (
    <section class="reviews wrap" id="reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{w.reviews}</h2>
      {summary.count > 0 && summary.average !== null ? (
        <p class="rating-summary">
          <Stars rating={summary.average} label={w.averageOf(averageText(site.locale, summary.average))} />
          <span>{w.averageOf(averageText(site.locale, summary.average))}</span>
          <span>{w.reviewCount(summary.count)}</span>
        </p>
      ) : (
        <p class="rating-summary">{w.noReviews}</p>
      )}
      <p>
        <a href={reviewPaths.product(site, productId)} rel="nofollow">
          {w.writeReview}
        </a>
      </p>
      {data.reviews.length > 0 ? (
        <ol class="review-list">
          {data.reviews.map((review) => (
            <li key={review.id} class="review">
              <Stars rating={review.rating} label={w.stars(review.rating)} />
              {review.title ? <h3>{review.title}</h3> : null}
              <p class="review-meta">
                {review.authorName}
                {review.publishedAt ? ` · ${dayText(site.locale, review.publishedAt)}` : null}
                {review.verified ? (
                  <>
                    {' · '}
                    <span class="review-verified">{w.verified}</span>
                  </>
                ) : null}
              </p>
              <p class="review-body">{review.body}</p>
              {review.photos.length > 0 ? (
                <div class="review-photos">
                  {review.photos.map((photo) => (
                    <img
                      key={photo.key}
                      src={reviewPhotoPath(photo.key)}
                      width={photo.width}
                      height={photo.height}
                      alt=""
                      loading="lazy"
                      decoding="async"
                    />
                  ))}
                </div>
              ) : null}
              {review.reply ? (
                <div class="review-reply">
                  <p class="review-meta">{w.storeReply(site.store.name)}</p>
                  <p>{review.reply}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/**
 * schema.org's `aggregateRating` and `review` for the product's structured data: published reviews
 * only (the page shows the same), nothing when there are none (an empty rating is invalid markup).
 */
export function reviewStructuredData(data: ProductReviews | undefined) {
  if (!data || data.summary.count === 0 || data.summary.average === null) return {};
  return {
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: data.summary.average,
      reviewCount: data.summary.count,
      bestRating: 5,
      worstRating: 1,
    },
    review: data.reviews.map((r) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: r.authorName },
      ...(r.publishedAt ? { datePublished: r.publishedAt.toISOString().slice(0, 10) } : {}),
      ...(r.title ? { name: r.title } : {}),
      reviewBody: r.body,
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    })),
  };
}
