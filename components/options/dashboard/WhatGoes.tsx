import type { Translate } from '../../shared/translate';

/**
 * What "forget this site" and "delete all data" delete, listed in their confirmations: history and everything that
 * follows it (entrypoints/background/index.ts hands history its followers), so the list is the one place a user
 * reads it. Keep it in step with those followers.
 */
const GOES = ['loads', 'dns', 'operators', 'cloaks', 'answers'] as const;

export function WhatGoes(props: { scope: 'site' | 'all'; t: Translate }) {
  const { t, scope } = props;
  return (
    <>
      <ul class="dash-goes" data-testid="what-goes">
        {GOES.map((item) => <li key={item}>{t(`dashGoes_${item}_${scope}`)}</li>)}
      </ul>
      <p>{t('dashGoesStays')}</p>
    </>
  );
}
