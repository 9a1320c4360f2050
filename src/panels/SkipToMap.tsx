// The first stop of Tab in the map view: straight to the first card in reading order (and
// selects it), past the toolbar. Out of sight until it has focus.
import { useTranslation } from 'react-i18next';
import { mapFocus } from '../actions/map-focus';
import { stakeholdersInReadingOrder } from '../domain/spatial';
import { useMapStore } from '../store/map-store';

export function SkipToMap() {
  const { t } = useTranslation();
  return (
    <a
      className="pm-skip-link"
      href="#map"
      onClick={(event) => {
        event.preventDefault();
        const map = useMapStore.getState().map;
        const first = map ? stakeholdersInReadingOrder(map)[0] : undefined;
        if (first) mapFocus.focusItem(first, { select: true });
        else mapFocus.focusCanvas();
      }}
    >
      {t('a11y.skipToMap')}
    </a>
  );
}
