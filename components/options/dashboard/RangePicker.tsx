import { RANGE_IDS, type RangeId } from '@/utils/history/days';
import type { Translate } from '../../shared/translate';

/** Today, 7 days, 30 days, all: native radio buttons (arrow keys move between them), drawn as a segmented control. */
export function RangePicker(props: { range: RangeId; onChange: (range: RangeId) => void; t: Translate }) {
  const { t } = props;
  return (
    <fieldset class="dash-range">
      <legend>{t('dashRangeLegend')}</legend>
      {RANGE_IDS.map((id) => (
        <label key={id}>
          <input type="radio" name="dash-range" value={id} checked={props.range === id} onChange={() => props.onChange(id)} />
          <span>{t(`dashRange_${id}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
