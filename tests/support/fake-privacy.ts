import type { LevelOfControl } from '../../utils/privacy/adapter';

/**
 * A test double of one types.ChromeSetting with the browser's layering: a policy outranks every extension, an
 * extension installed later outranks Diffuse, Diffuse's value outranks the user's own. clear() drops only
 * Diffuse's layer, as the real API does.
 */
export class FakeSetting {
  ours: unknown = undefined;
  other: unknown = undefined;
  policy = false;
  /** When set, set() rejects with it, as Chrome does for `topicsEnabled: true` or a value of the wrong type. */
  rejectWith: string | null = null;

  constructor(public user: unknown) {}

  async get(_details: object): Promise<{ value: unknown; levelOfControl: LevelOfControl }> {
    const level: LevelOfControl = this.policy
      ? 'not_controllable'
      : this.other !== undefined
        ? 'controlled_by_other_extensions'
        : this.ours !== undefined
          ? 'controlled_by_this_extension'
          : 'controllable_by_this_extension';
    return { value: this.other ?? this.ours ?? this.user, levelOfControl: level };
  }

  async set({ value }: { value: unknown }): Promise<void> {
    if (this.rejectWith) throw new Error(this.rejectWith);
    if (this.policy) throw new Error('Cannot modify a policy-controlled setting.');
    this.ours = value;
  }

  async clear(_details: object): Promise<void> {
    this.ours = undefined;
  }
}

/** A `privacy` namespace as Chrome has it (Firefox's differs in the websites properties). */
export function fakeChromePrivacy() {
  return {
    network: { networkPredictionEnabled: new FakeSetting(true), webRTCIPHandlingPolicy: new FakeSetting('default') },
    websites: {
      hyperlinkAuditingEnabled: new FakeSetting(true),
      thirdPartyCookiesAllowed: new FakeSetting(true),
      topicsEnabled: new FakeSetting(true),
      fledgeEnabled: new FakeSetting(true),
      adMeasurementEnabled: new FakeSetting(true),
    },
  };
}

export function fakeFirefoxPrivacy() {
  return {
    network: { networkPredictionEnabled: new FakeSetting(true), webRTCIPHandlingPolicy: new FakeSetting('default') },
    websites: {
      hyperlinkAuditingEnabled: new FakeSetting(false),
      cookieConfig: new FakeSetting({ behavior: 'reject_trackers', nonPersistentCookies: false }),
      trackingProtectionMode: new FakeSetting('private_browsing'),
    },
  };
}
