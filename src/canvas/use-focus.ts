// Whether a stakeholder is outside the focus (FocusBar): the card and its lines then dim.
import { inFocus } from '../domain/focus';
import { useUiState } from '../actions/ui-state';
import { useMapStore } from '../store/map-store';

export function useOutOfFocus(stakeholderId: string): boolean {
  const filters = useUiState((s) => s.focus);
  return useMapStore((s) => {
    const person = filters.length ? s.map?.stakeholders[stakeholderId] : undefined;
    return person ? !inFocus(s.map!, person, filters) : false;
  });
}
