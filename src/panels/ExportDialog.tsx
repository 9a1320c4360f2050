// The export dialog: a picture shaped for where it goes. The whole map at 2x, a 16:9 slide, SVG for
// editing elsewhere, an editable PowerPoint slide, or a poster PDF tiled over A4/A3 pages; whole
// map or selection; white or transparent. Every picture carries the title, the date and the
// legend; PNG and SVG can carry the map itself, to be reopened in Powermap. Each exporter loads on
// first use, not with the editor.
import './ExportDialog.css';
import { useState } from 'react';
import { useUiState, ui } from '../actions/ui-state';
import { useMapStore } from '../store/map-store';
import type { PngExportOptions } from '../io/export-png';
import type { PosterPaper } from '../io/poster-pdf';
import { Dialog } from './Dialog';
import { downloadBlob } from '../io/download';
import { Choice } from './Choice';
import { CrmExportFields, renderCrmBlob } from './CrmExportFields';
import type { CrmFormat } from '../io/crm-export';

type Format = 'png' | 'slide' | 'svg' | 'pptx' | 'pdf' | 'csv';

/** The file type each format downloads, as the button says it. */
const EXTENSION: Record<Format, string> = { png: 'png', slide: 'png', svg: 'svg', pptx: 'pptx', pdf: 'pdf', csv: 'csv' };

const HINT: Record<Format, string> = {
  png: 'The whole picture at 2x: crisp on a slide you lay out yourself, with the legend at the side.',
  slide: 'A ready 16:9 slide: the title on top, the map fitted, the legend along the bottom or, where the map is larger that way, beside it.',
  svg: 'A vector picture for drawing programs and the web.',
  pptx: 'One PowerPoint slide with the map as shapes: move cards, retype names, recolour.',
  pdf: 'The map printed at full size over several pages that overlap by 10 mm, with crop marks, and a first page that shows which page goes where.',
  csv: 'The people as a CSV your CRM admin can load: one row per person with their CRM id, name, title, department, contact details, manager, buying roles, stance, influence, owner and whether they left.',
};

export function ExportDialog() {
  const open = useUiState((s) => s.exportOpen);
  const hasSelection = useMapStore((s) => s.selection.length > 0);
  const [format, setFormat] = useState<Format>('png');
  const [scope, setScope] = useState<'map' | 'selection'>('map');
  const [background, setBackground] = useState<PngExportOptions['background']>('white');
  const [slideSize, setSlideSize] = useState<'1920' | '3840'>('1920');
  const [paper, setPaper] = useState<PosterPaper>('a4');
  const [embedMap, setEmbedMap] = useState(true);
  const [crm, setCrm] = useState<CrmFormat>('salesforce');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  if (!open) return null;

  const close = () => ui.set('exportOpen', false);
  const effectiveScope = hasSelection ? scope : 'map';
  const picture = format === 'png' || format === 'slide' || format === 'svg';
  /** What to draw: the selection, or null for the whole map. */
  const exportedSelection = () => (effectiveScope === 'selection' ? useMapStore.getState().selection : null);
  const notify = (message: string) => useMapStore.getState().notify(message);
  const copy = async () => {
    const map = useMapStore.getState().map;
    if (!map) return;
    setBusy(true);
    try {
      if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
        throw new Error('this browser does not let web pages put images on the clipboard. Download the PNG instead.');
      }
      const { renderMapPng, renderSlidePng } = await import('../io/export-png');
      const options = { selection: exportedSelection(), background };
      // The item gets a promise, not a blob: some browsers only allow the write during the click.
      const png = format === 'slide' ? renderSlidePng(map, { ...options, size: Number(slideSize) as 1920 | 3840 }) : renderMapPng(map, options);
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
    const notes: string[] = [];
    try {
      const { exportFileName, renderSvgFile, renderMapPng, renderSlidePng } = await import('../io/export-png');
      const options = { selection: exportedSelection(), background, embedMap };
      const note = (message: string) => notes.push(message);
      let blob: Blob;
      if (format === 'png') blob = await renderMapPng(map, options, note);
      else if (format === 'slide') blob = await renderSlidePng(map, { ...options, size: Number(slideSize) as 1920 | 3840 }, note);
      else if (format === 'svg') blob = await renderSvgFile(map, options);
      else if (format === 'csv') blob = await renderCrmBlob(map, crm, options.selection, note);
      else if (format === 'pptx') blob = await (await import('../io/export-pptx')).renderPptx(map, { selection: options.selection });
      else {
        const onProgress = (done: number, total: number) => setProgress(`Page ${done + 1} of ${total}…`);
        blob = await (await import('../io/poster-pdf')).renderPosterPdf(map, { selection: options.selection, paper, onProgress }, note);
      }
      downloadBlob(blob, exportFileName(map, format === 'csv' ? `${crm}.csv` : format === 'slide' ? 'slide.png' : EXTENSION[format]));
      for (const message of notes) notify(message);
      close();
    } catch (error) {
      useMapStore.getState().notify(`The ${EXTENSION[format].toUpperCase()} could not be made: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  return (
    <Dialog title="Export image" onClose={close}>
      <fieldset className="pm-export__formats">
        <legend>Format</legend>
        <Choice name="format" value="png" current={format} onChange={setFormat}>
          PNG, whole picture at 2x
        </Choice>
        <Choice name="format" value="slide" current={format} onChange={setFormat}>
          Slide (16:9)
        </Choice>
        <Choice name="format" value="svg" current={format} onChange={setFormat}>
          SVG (vector)
        </Choice>
        <Choice name="format" value="pptx" current={format} onChange={setFormat}>
          PowerPoint (editable)
        </Choice>
        <Choice name="format" value="pdf" current={format} onChange={setFormat}>
          Poster PDF (tiled pages)
        </Choice>
        <Choice name="format" value="csv" current={format} onChange={setFormat}>
          CRM CSV (people)
        </Choice>
      </fieldset>
      {format === 'slide' ? (
        <fieldset>
          <legend>Slide size</legend>
          <Choice name="slide-size" value="1920" current={slideSize} onChange={setSlideSize}>
            1920 × 1080
          </Choice>
          <Choice name="slide-size" value="3840" current={slideSize} onChange={setSlideSize}>
            3840 × 2160 (4K)
          </Choice>
        </fieldset>
      ) : null}
      {format === 'pdf' ? (
        <fieldset>
          <legend>Paper (landscape)</legend>
          <Choice name="paper" value="a4" current={paper} onChange={setPaper}>
            A4
          </Choice>
          <Choice name="paper" value="a3" current={paper} onChange={setPaper}>
            A3
          </Choice>
        </fieldset>
      ) : null}
      {format === 'csv' ? <CrmExportFields crm={crm} onChange={setCrm} selection={exportedSelection()} /> : null}
      <fieldset>
        <legend>What to export</legend>
        <Choice name="scope" value="map" current={effectiveScope} onChange={setScope}>
          The whole map
        </Choice>
        <Choice name="scope" value="selection" current={effectiveScope} onChange={setScope} disabled={!hasSelection}>
          Only the selection
        </Choice>
      </fieldset>
      {picture ? (
        <fieldset>
          <legend>Background</legend>
          <Choice name="background" value="white" current={background} onChange={setBackground}>
            White
          </Choice>
          <Choice name="background" value="transparent" current={background} onChange={setBackground}>
            Transparent
          </Choice>
        </fieldset>
      ) : null}
      {picture ? (
        <>
          <label className="pm-export__check">
            <input type="checkbox" checked={embedMap} onChange={(event) => setEmbedMap(event.target.checked)} />
            Embed the map in the file
          </label>
          <p className="pm-dialog__hint">
            {embedMap
              ? 'Opening the picture in Powermap reopens the whole map, notes included: untick this before sending it outside the team.'
              : 'The picture only: it cannot be reopened as a map.'}
          </p>
        </>
      ) : null}
      <p className="pm-dialog__hint">{HINT[format]}</p>
      <div className="pm-dialog__actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        {format === 'png' || format === 'slide' ? (
          <button type="button" onClick={copy} disabled={busy} title="Copy as a PNG image, ready to paste into a slide">
            Copy image
          </button>
        ) : null}
        <button type="button" className="pm-primary" onClick={run} disabled={busy}>
          {busy ? progress || 'Exporting…' : `Download ${EXTENSION[format].toUpperCase()}`}
        </button>
      </div>
    </Dialog>
  );
}
