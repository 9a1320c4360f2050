// The export dialog: a picture shaped for where it goes. The whole map at 2x, a 16:9 slide, SVG for
// editing elsewhere, an editable PowerPoint slide, or a poster PDF tiled over A4/A3 pages; whole
// map or selection; white or transparent. Every picture carries the title, the date and the
// legend; PNG and SVG can carry the map itself, to be reopened in Powermap. Each exporter loads on
// first use, not with the editor.
import './ExportDialog.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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


export function ExportDialog() {
  const { t } = useTranslation();
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
        throw new Error(t('exporter.clipboardUnsupported'));
      }
      const { renderMapPng, renderSlidePng } = await import('../io/export-png');
      const options = { selection: exportedSelection(), background };
      // The item gets a promise, not a blob: some browsers only allow the write during the click.
      const png = format === 'slide' ? renderSlidePng(map, { ...options, size: Number(slideSize) as 1920 | 3840 }) : renderMapPng(map, options);
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      useMapStore.getState().notify(t('exporter.copied'));
      close();
    } catch (error) {
      useMapStore.getState().notify(t('exporter.copyFailed', { reason: (error as Error).message }), 'error');
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
      // The button says how far the lines are routed: on a map of thousands that is most of the wait.
      // Once all are, it says "Exporting…" again while the picture is drawn and encoded.
      const onLines = (routed: number, total: number) => setProgress(routed < total ? t('exporter.linesRouted', { routed, total }) : '');
      const options = { selection: exportedSelection(), background, embedMap, onLines };
      const note = (message: string) => notes.push(message);
      let blob: Blob;
      if (format === 'png') blob = await renderMapPng(map, options, note);
      else if (format === 'slide') blob = await renderSlidePng(map, { ...options, size: Number(slideSize) as 1920 | 3840 }, note);
      else if (format === 'svg') blob = await renderSvgFile(map, options);
      else if (format === 'csv') blob = await renderCrmBlob(map, crm, options.selection, note);
      else if (format === 'pptx') blob = await (await import('../io/export-pptx')).renderPptx(map, { selection: options.selection });
      else {
        const onProgress = (done: number, total: number) => setProgress(t('exporter.page', { page: done + 1, total }));
        blob = await (await import('../io/poster-pdf')).renderPosterPdf(map, { selection: options.selection, paper, onProgress, onLines }, note);
      }
      downloadBlob(blob, exportFileName(map, format === 'csv' ? `${crm}.csv` : format === 'slide' ? 'slide.png' : EXTENSION[format]));
      for (const message of notes) notify(message);
      close();
    } catch (error) {
      useMapStore.getState().notify(t('exporter.failed', { format: EXTENSION[format].toUpperCase(), reason: (error as Error).message }), 'error');
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  return (
    <Dialog title={t('exporter.title')} onClose={close}>
      <fieldset className="pm-export__formats">
        <legend>{t('exporter.format')}</legend>
        <Choice name="format" value="png" current={format} onChange={setFormat}>
          {t('exporter.formats.png')}
        </Choice>
        <Choice name="format" value="slide" current={format} onChange={setFormat}>
          {t('exporter.formats.slide')}
        </Choice>
        <Choice name="format" value="svg" current={format} onChange={setFormat}>
          {t('exporter.formats.svg')}
        </Choice>
        <Choice name="format" value="pptx" current={format} onChange={setFormat}>
          {t('exporter.formats.pptx')}
        </Choice>
        <Choice name="format" value="pdf" current={format} onChange={setFormat}>
          {t('exporter.formats.pdf')}
        </Choice>
        <Choice name="format" value="csv" current={format} onChange={setFormat}>
          {t('exporter.formats.csv')}
        </Choice>
      </fieldset>
      {format === 'slide' ? (
        <fieldset>
          <legend>{t('exporter.slideSize')}</legend>
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
          <legend>{t('exporter.paper')}</legend>
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
        <legend>{t('exporter.scope')}</legend>
        <Choice name="scope" value="map" current={effectiveScope} onChange={setScope}>
          {t('exporter.wholeMap')}
        </Choice>
        <Choice name="scope" value="selection" current={effectiveScope} onChange={setScope} disabled={!hasSelection}>
          {t('exporter.onlySelection')}
        </Choice>
      </fieldset>
      {picture ? (
        <fieldset>
          <legend>{t('exporter.background')}</legend>
          <Choice name="background" value="white" current={background} onChange={setBackground}>
            {t('exporter.white')}
          </Choice>
          <Choice name="background" value="transparent" current={background} onChange={setBackground}>
            {t('exporter.transparent')}
          </Choice>
        </fieldset>
      ) : null}
      {picture ? (
        <>
          <label className="pm-export__check">
            <input type="checkbox" checked={embedMap} onChange={(event) => setEmbedMap(event.target.checked)} />
            {t('exporter.embed')}
          </label>
          <p className="pm-dialog__hint">
            {embedMap
              ? t('exporter.embedOn')
              : t('exporter.embedOff')}
          </p>
        </>
      ) : null}
      <p className="pm-dialog__hint">{t(`exporter.hint.${format}`)}</p>
      <div className="pm-dialog__actions">
        <button type="button" onClick={close}>
          {t('common.cancel')}
        </button>
        {format === 'png' || format === 'slide' ? (
          <button type="button" onClick={copy} disabled={busy} title={t('exporter.copyTitle')}>
            {t('exporter.copy')}
          </button>
        ) : null}
        <button type="button" className="pm-primary" onClick={run} disabled={busy}>
          {busy ? progress || t('exporter.exporting') : t('exporter.download', { format: EXTENSION[format].toUpperCase() })}
        </button>
      </div>
    </Dialog>
  );
}
