// Which overlays are open (help, legend, export dialog): session UI state that actions toggle.
import { create } from 'zustand';

export interface UiState {
  helpOpen: boolean;
  legendOpen: boolean;
  exportOpen: boolean;
}

export const useUiState = create<UiState>()(() => ({ helpOpen: false, legendOpen: typeof window === 'undefined' || window.innerWidth >= 1500, exportOpen: false }));

export const ui = {
  set(key: keyof UiState, value: boolean) {
    useUiState.setState({ [key]: value });
  },
  toggle(key: keyof UiState) {
    useUiState.setState((state) => ({ [key]: !state[key] }));
  },
};
