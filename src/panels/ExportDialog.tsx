// The PNG export dialog: whole map or selection, white or transparent background.
import { useState } from 'react';
import { useUiState, ui } from '../actions/ui-state';
import { useMapStore } from '../store/map-store';
import type { PngExportOptions } from '../io/export-png';

export function ExportDialog() {
  const open = useUiState((s) => s.exportOpen);
  const hasSelection = useMapStore((s) => s.selection.length > 0);
  const [scope, setScope] = useState<PngExportOptions['scope']>('map');
  const [background, setBackground] = useState<PngExportOptions['background']>('white');
  const [busy, setBusy] = useState(false);
  if (!open) return null;

  const close = () => ui.set('exportOpen', false);
  const run = async () => {
    const map = useMapStore.getState().map;
    if (!map) return;
    setBusy(true);
    try {
      // The exporter loads on first use, not with the editor.
      const { downloadBlob, exportFileName, renderMapPng } = await import('../io/export-png');
      const blob = await renderMapPng(map, { scope: hasSelection ? scope : 'map', background });
      downloadBlob(blob, exportFileName(map, 'png'));
      close();
    } catch (error) {
      useMapStore.getState().notify(`The PNG could not be made: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pm-dialog-backdrop" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <div className="pm-dialog" role="dialog" aria-modal="true" aria-labelledby="pm-export-title">
        <h2 id="pm-export-title">Export PNG</h2>
        <fieldset>
          <legend>What to export</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'map' || !hasSelection} onChange={() => setScope('map')} />
            The whole map
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              disabled={!hasSelection}
              checked={scope === 'selection' && hasSelection}
              onChange={() => setScope('selection')}
            />
            Only the selection
          </label>
        </fieldset>
        <fieldset>
          <legend>Background</legend>
          <label>
            <input type="radio" name="background" checked={background === 'white'} onChange={() => setBackground('white')} />
            White
          </label>
          <label>
            <input
              type="radio"
              name="background"
              checked={background === 'transparent'}
              onChange={() => setBackground('transparent')}
            />
            Transparent
          </label>
        </fieldset>
        <p className="pm-dialog__hint">2x resolution, with the map's title, today's date and a legend.</p>
        <div className="pm-dialog__actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="pm-primary" onClick={run} disabled={busy} autoFocus>
            {busy ? 'Exporting…' : 'Download PNG'}
          </button>
        </div>
      </div>
    </div>
  );
}
