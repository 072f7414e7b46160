/** The browser privacy settings Diffuse manages, as the UI sees them (typed contract with the background). */

export type PrivacySettingId =
  | 'networkPrediction'
  | 'hyperlinkAuditing'
  | 'webRtcIpHandling'
  | 'thirdPartyCookies'
  | 'topics'
  | 'protectedAudience'
  | 'adMeasurement'
  | 'trackingProtection';

export interface PrivacySettingView {
  id: PrivacySettingId;
  /** Does this browser have the setting at all (Topics is Chrome only, tracking protection Firefox only)? */
  available: boolean;
  /** Whether the browser's current value is the protective one. */
  protective: boolean;
  /** The browser's current value, as the privacy API reports it (for display). */
  value: unknown;
  /** chrome.types.ChromeSetting levelOfControl: another extension or policy may hold the setting. */
  levelOfControl: 'not_controllable' | 'controlled_by_other_extensions' | 'controllable_by_this_extension' | 'controlled_by_this_extension';
  /** Diffuse holds the protective value (switch on) or has put back what the user had before (switch off). */
  enabled: boolean;
  /** Why a change failed, for the UI to show; absent when fine. */
  error?: string;
}
