// The export dialog: PNG for slides or SVG for editing elsewhere; whole map or selection;
// white or transparent background. Both formats carry the title, the date and the legend.
import { useState } from 'react';
import { useUiState, ui } from '../actions/ui-state';
import { useMapStore } from '../store/map-store';
import type { PngExportOptions } from '../io/export-png';
import { Dialog } from './Dialog';
import { downloadBlob } from '../io/download';

type Format = 'png' | 'svg';

function Choice<T extends string>({ name, value, current, onChange, disabled, children }: {
  name: string;
  value: NoInfer<T>;
  current: T;
  onChange(value: NoInfer<T>): void;
  disabled?: boolean;
  children: string;
}) {
  return (
    <label>
      <input type="radio" name={name} checked={current === value} disabled={disabled} onChange={() => onChange(value)} />
      {children}
    </label>
  );
}

export function ExportDialog() {
  const open = useUiState((s) => s.exportOpen);
  const hasSelection = useMapStore((s) => s.selection.length > 0);
  const [format, setFormat] = useState<Format>('png');
  const [scope, setScope] = useState<'map' | 'selection'>('map');
  const [background, setBackground] = useState<PngExportOptions['background']>('white');
  const [busy, setBusy] = useState(false);
  if (!open) return null;

  const close = () => ui.set('exportOpen', false);
  const effectiveScope = hasSelection ? scope : 'map';
  /** What to draw: the selection, or null for the whole map. */
  const exportedSelection = () => (effectiveScope === 'selection' ? useMapStore.getState().selection : null);
  const copy = async () => {
    const map = useMapStore.getState().map;
    if (!map) return;
    setBusy(true);
    try {
      if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
        throw new Error('this browser does not let web pages put images on the clipboard. Download the PNG instead.');
      }
      const { renderMapPng } = await import('../io/export-png');
      // The item gets a promise, not a blob: some browsers only allow the write during the click.
      const png = renderMapPng(map, { selection: exportedSelection(), background });
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      useMapStore.getState().notify('Copied the map as an image. Paste it into your slides.');
      close();
    } catch (error) {
      useMapStore.getState().notify(`The image could not be copied: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    const map = useMapStore.getState().map;
    if (!map) return;
    setBusy(true);
    try {
      // The exporter loads on first use, not with the editor.
      const { exportFileName, renderExportSvg, renderMapPng } = await import('../io/export-png');
      const options = { selection: exportedSelection(), background };
      const blob =
        format === 'png'
          ? await renderMapPng(map, options)
          : new Blob([(await renderExportSvg(map, options)).svg], { type: 'image/svg+xml' });
      downloadBlob(blob, exportFileName(map, format));
      close();
    } catch (error) {
      useMapStore.getState().notify(`The ${format.toUpperCase()} could not be made: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export image" onClose={close}>
      <fieldset>
        <legend>Format</legend>
        <Choice name="format" value="png" current={format} onChange={setFormat}>
          PNG (slides)
        </Choice>
        <Choice name="format" value="svg" current={format} onChange={setFormat}>
          SVG (vector)
        </Choice>
      </fieldset>
      <fieldset>
        <legend>What to export</legend>
        <Choice name="scope" value="map" current={effectiveScope} onChange={setScope}>
          The whole map
        </Choice>
        <Choice name="scope" value="selection" current={effectiveScope} onChange={setScope} disabled={!hasSelection}>
          Only the selection
        </Choice>
      </fieldset>
      <fieldset>
        <legend>Background</legend>
        <Choice name="background" value="white" current={background} onChange={setBackground}>
          White
        </Choice>
        <Choice name="background" value="transparent" current={background} onChange={setBackground}>
          Transparent
        </Choice>
      </fieldset>
      <p className="pm-dialog__hint">With the map's title, today's date and a legend. PNG is 2x for crisp slides.</p>
      <div className="pm-dialog__actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" onClick={copy} disabled={busy} title="Copy as a PNG image, ready to paste into a slide">
          Copy image
        </button>
        <button type="button" className="pm-primary" onClick={run} disabled={busy}>
          {busy ? 'Exporting…' : `Download ${format.toUpperCase()}`}
        </button>
      </div>
    </Dialog>
  );
}
