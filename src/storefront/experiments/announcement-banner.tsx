import { announcementBanner, applyExperimentPoint } from '../../modules/experiments/index.ts';
import type { StorefrontSite } from '../site.ts';

/** The announcement banner an experiment's variant shows on this page, or nothing. */
export function AnnouncementBanner({ site }: { site: StorefrontSite }) {
  const banner = applyExperimentPoint(announcementBanner, site.experiments, null);
  if (!banner) return null;
  return (
    <aside class="announcement-banner" aria-label="Announcement">
      {banner.link ? <a href={banner.link}>{banner.text}</a> : <p>{banner.text}</p>}
    </aside>
  );
}
