// Opening a share link: fetches the shared map from its relay into this browser (or links the copy
// already here), then opens it. A link that cannot be used says why and leads back to the maps.
import { useEffect, useState } from 'react';
import { joinSharedMap, readShareLink } from '../sync/share';
import { t } from '../i18n';

export function JoinView({ onOpen, onBack }: { onOpen(mapId: string): void; onBack(): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    const share = readShareLink(window.location.hash);
    if (!share) {
      setProblem(t('team.joinIncomplete'));
      return;
    }
    joinSharedMap(share).then(
      (mapId) => active && onOpen(mapId),
      (error: Error) => active && setProblem(error.message),
    );
    return () => {
      active = false;
    };
    // Once per link: the shell hands a new onOpen on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (problem) {
    return (
      <main className="pm-crash" role="alert">
        <h1>{t('team.joinFailedTitle')}</h1>
        <p>{problem}</p>
        <button type="button" onClick={onBack}>
          {t('team.backToMaps')}
        </button>
      </main>
    );
  }
  return (
    <main className="pm-loading" aria-busy="true">
      {t('team.joining')}
    </main>
  );
}
