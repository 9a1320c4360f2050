// One open account map: loads it (through restore), claims it against other tabs, and lays out
// toolbar, canvas, legend and inspector around the store.
import './MapView.css';
import './presentation.css';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { useKeyboardShortcuts } from '../actions/use-keyboard-shortcuts';
import { actionById, actions } from '../actions/registry';
import { displayShortcut } from '../actions/shortcuts';
import { ui, useUiState } from '../actions/ui-state';
import type { Viewport } from '../domain/types';
import { Inspector } from '../panels/Inspector';
import { InsightsPanel } from '../panels/InsightsPanel';
import { Legend } from '../panels/Legend';
import { HelpOverlay } from '../panels/HelpOverlay';
import { Toolbar } from '../panels/Toolbar';
import { ExportDialog } from '../panels/ExportDialog';
import { BriefDialog } from '../panels/BriefDialog';
import { CommandBox } from '../panels/CommandBox';
import { LinkPicker } from '../panels/LinkPicker';
import { Announcer } from '../panels/Announcer';
import { SkipToMap } from '../panels/SkipToMap';
import { loadMap, loadViewport, replayJournal } from '../persistence/repository';
import { rememberViewport } from '../persistence/autosave';
import { claimMap } from '../persistence/tab-lock';
import { stopSync, syncIfShared } from '../sync/share';
import { useMapStore } from '../store/map-store';
import { t as translate } from '../i18n';
import { UpdateNotice } from './UpdateNotice';
import { WalkCaption } from '../canvas/WalkCaption';
import { prepareCards } from '../canvas/prepare';

type LoadState = { status: 'loading' } | { status: 'ready'; viewport: Viewport | null } | { status: 'failed'; message: string };

/** Read when the overlay draws, so the labels are in the current language. */
const shortcutList = () => actions.map((action) => ({ label: action.label, keys: action.shortcuts.map(displayShortcut) }));

export function MapView({ mapId, onClose }: { mapId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const mapOpen = useMapStore((s) => s.map?.id === mapId);
  const readOnly = useMapStore((s) => s.readOnly);
  const helpOpen = useUiState((s) => s.helpOpen);
  const insightsOpen = useUiState((s) => s.insightsOpen);
  const presenting = useUiState((s) => s.presenting);

  // A layout effect, so the map starts loading in the same task as the view first commits: a
  // passive effect waited for the next frame, about 20 ms of every opening.
  useLayoutEffect(() => {
    let active = true;
    // A comparison belongs to its map; it survives a look at a snapshot, not a switch of map.
    if (useUiState.getState().comparing?.mapId !== mapId) useUiState.setState({ comparing: null });
    const open = async (readOnlyHere: boolean) => {
      try {
        // Changes a closed or crashed tab made durable in the journal but not yet in the
        // database. Only the tab holding the map's lock replays: never while another tab edits it.
        const replay = readOnlyHere ? null : await replayJournal(mapId);
        if (!active) return;
        const [result, viewport] = await Promise.all([loadMap(mapId), loadViewport(mapId).catch(() => null)]);
        if (!active) return;
        if (!result.ok) {
          setState({ status: 'failed', message: result.error });
          return;
        }
        await prepareCards(result.map, () => active);
        if (!active) return;
        const store = useMapStore.getState();
        store.openMap(result.map, { readOnly: readOnlyHere });
        if (result.repairs.length > 0) {
          store.notify(translate('dialogs.map.repaired', { repairs: result.repairs.slice(0, 3).join(' ') }), 'error');
        }
        if (replay?.dropped) {
          store.notify(translate('dialogs.map.dropped', { count: replay.dropped }), 'error');
        }
        // A shared map goes live with its relay; one that is not shared behaves as it always did.
        if (!readOnlyHere) void syncIfShared(mapId);
        if (readOnlyHere) store.notify(translate('dialogs.map.readOnly'), 'error');
        setState((current) => (current.status === 'ready' ? current : { status: 'ready', viewport: viewport ?? null }));
      } catch (error) {
        if (active) setState({ status: 'failed', message: (error as Error).message });
      }
    };
    const release = claimMap(mapId, {
      onEditable: () => void open(false),
      onReadOnly: () => void open(true),
    });
    return () => {
      active = false;
      release();
      void stopSync();
      useMapStore.getState().closeMap();
      ui.set('presenting', false);
      useUiState.setState({ focus: [] });
    };
  }, [mapId]);

  useKeyboardShortcuts(state.status === 'ready' && mapOpen && !readOnly);

  if (state.status === 'failed') {
    return (
      <main className="pm-crash" role="alert">
        <h1>{t('dialogs.map.couldNotOpen')}</h1>
        <p>{state.message}</p>
        <p>{t('dialogs.map.othersFine')}</p>
        <button type="button" onClick={onClose}>
          {t('dialogs.map.backToMaps')}
        </button>
      </main>
    );
  }
  if (state.status === 'loading' || !mapOpen) {
    return (
      <main className="pm-loading" aria-busy="true">
        {t('shell.openingMap')}
      </main>
    );
  }
  return (
    <ReactFlowProvider>
      <div className={presenting ? 'pm-map-view pm-present' : 'pm-map-view'}>
        {presenting ? (
          <>
            <button type="button" className="pm-present__leave" onClick={() => actionById['toggle-presentation'].run()} title={t('dialogs.map.leavePresentationTitle')}>
              {t('dialogs.map.leavePresentation')}
            </button>
            <WalkCaption />
          </>
        ) : (
          <>
            <SkipToMap />
            <Toolbar onBack={onClose} />
          </>
        )}
        <div className="pm-map-view__body">
          <main className="pm-map-view__canvas" aria-label={t('dialogs.map.canvas')}>
            <div className="pm-map-view__stage">
              <Canvas initialViewport={state.viewport} onViewportChange={(viewport) => rememberViewport(mapId, viewport)} />
              <UpdateNotice className="pm-update--stage" />
            </div>
            {/* Open, the legend docks below the canvas so it never covers a card; closed, it is a small button. */}
            <Legend />
          </main>
          {/* Insights sit beside the inspector: a card picked from them can be edited at once. */}
          {presenting ? null : insightsOpen ? <InsightsPanel /> : null}
          {presenting ? null : <Inspector />}
        </div>
        {helpOpen ? <HelpOverlay shortcuts={shortcutList()} onClose={() => ui.set('helpOpen', false)} /> : null}
        <ExportDialog />
        <BriefDialog />
        <CommandBox />
        <LinkPicker />
        <Announcer />
      </div>
    </ReactFlowProvider>
  );
}
