import type { Translate } from '../shared/translate';

/** Shown in an opened list of hosts until the popup's next answer brings them (TabView.contacts come when asked for). */
export function HostsLoading(props: { t: Translate }) {
  return (
    <p class="meta" role="status" aria-busy="true">
      {props.t('popupLoadingHosts')}
    </p>
  );
}
