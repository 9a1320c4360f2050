// The handover brief: one printable page per map (the browser's "Save as PDF" makes the
// document that stays behind after a handover) and the same content as Markdown for a CRM note
// or a wiki. Built from the domain's insight rules; the brief code loads on first use.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ui, useUiState } from '../actions/ui-state';
import { downloadBlob } from '../io/download';
import { useMapStore } from '../store/map-store';
import { Dialog } from './Dialog';

type Made = 'html' | 'markdown';

export function BriefDialog() {
  const { t } = useTranslation();
  const open = useUiState((s) => s.briefOpen);
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const close = () => ui.set('briefOpen', false);

  const make = async (kind: Made) => {
    const map = useMapStore.getState().map;
    if (!map) return;
    setBusy(true);
    // Opened now, inside the click, so the browser does not block it as a pop-up.
    const tab = kind === 'html' ? window.open('', '_blank') : null;
    try {
      const [{ briefHtml, briefMarkdown, briefFileName, formatDay }, { briefPictures }, { fontFaceCss }, { pictureText }, { sceneOf }, { routeScene }] = await Promise.all([
        import('../io/brief'),
        import('../io/brief-pictures'),
        import('../io/embedded-fonts'),
        import('../io/map-svg'),
        import('../drawing/line-routes'),
        import('../io/route-worker'),
      ]);
      const now = new Date();
      if (kind === 'markdown') {
        downloadBlob(new Blob([briefMarkdown(map, { now })], { type: 'text/markdown' }), briefFileName(map, 'md', now));
      } else {
        // The same drawing as the SVG export, with its fonts embedded, in pictures that print legibly;
        // the whole map's lines routed once, as in the editor, so each department's picture shows them.
        const [fontCss, routes] = await Promise.all([fontFaceCss(pictureText(map)), routeScene(sceneOf(map))]);
        const mapPictures = briefPictures(map, { fontCss, date: formatDay(now), routes });
        const blob = new Blob([briefHtml(map, { now, mapPictures })], { type: 'text/html' });
        const url = URL.createObjectURL(blob);
        if (tab) tab.location.href = url;
        else downloadBlob(blob, briefFileName(map, 'html', now));
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      close();
    } catch (error) {
      tab?.close();
      useMapStore.getState().notify(t('brief.failed', { reason: (error as Error).message }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('brief.dialogTitle')} onClose={close}>
      <p className="pm-dialog__body">{t('brief.dialogText')}</p>
      <div className="pm-dialog__actions">
        <button type="button" onClick={close}>
          {t('common.cancel')}
        </button>
        <button type="button" onClick={() => void make('markdown')} disabled={busy}>
          {t('brief.downloadMarkdown')}
        </button>
        <button type="button" className="pm-primary" onClick={() => void make('html')} disabled={busy} data-autofocus>
          {t('brief.openPage')}
        </button>
      </div>
    </Dialog>
  );
}
