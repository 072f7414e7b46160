/**
 * The credit line every surface that shows attribution data must carry (popup, reports, exports).
 * Kept next to the data module so that replacing a dataset means changing its credit in the same place.
 */
export const DATA_CREDITS =
  'Tracker and company data: Ghostery TrackerDB (CC-BY-NC-SA 4.0); third-party-web by Patrick Hulce (MIT); ' +
  'DuckDuckGo Tracker Radar entity map (CC BY-NC-SA 4.0)';
