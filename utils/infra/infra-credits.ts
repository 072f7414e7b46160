/**
 * Credits for the infrastructure data, for every surface that shows an operator (popup, dashboard, reports).
 * The ASN table derives from RouteViews, the RIRs (via NRO) and DB-IP, all CC BY 4.0; DB-IP's licence also
 * asks web applications that use its results for a link back to db-ip.com, hence the separate link.
 * The suffix side partly comes from Ghostery TrackerDB, credited by utils/attribution/data-credits.ts.
 */
export const INFRA_DATA_CREDITS = 'IP to ASN data: ip-location-db (RouteViews, DB-IP) CC BY 4.0';
export const INFRA_DATA_CREDIT_LINK = { text: 'IP Geolocation by DB-IP', href: 'https://db-ip.com' } as const;
