/**
 * The campaign's tagged link: its landing page (or the storefront's home page) with utm_source,
 * utm_medium and utm_campaign set, replacing any the page already carried, so every click lands
 * in a session the campaign's reports count.
 */
export function campaignLink(
  campaign: { utmCampaign: string; utmSource: string; utmMedium: string; landingUrl: string | null },
  storefrontBaseUrl: string,
): string {
  const url = new URL(campaign.landingUrl ?? `${storefrontBaseUrl}/`);
  url.searchParams.set('utm_source', campaign.utmSource);
  url.searchParams.set('utm_medium', campaign.utmMedium);
  url.searchParams.set('utm_campaign', campaign.utmCampaign);
  return url.toString();
}
