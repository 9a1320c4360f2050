// On a shared map, the cards a teammate has selected are outlined in that teammate's colour with
// their name on the outline, and the card's accessible description says "Selected by Ana" (the
// node's aria-describedby names `peerMarksId(id)`, an element present only while someone has it).
import './PeerMarks.css';
import { useSyncState } from '../../sync/sync-state';
import { peerColour } from '../../drawing/appearance';
import { formatList, t } from '../../i18n';
import { peerMarksId } from '../project';

/** Who else has this card selected, as one string (a stable selector result): "clientId\tname" lines. */
const pickersOf = (id: string) => (state: ReturnType<typeof useSyncState.getState>) =>
  state.peers
    .filter((peer) => peer.selection.includes(id))
    .map((peer) => `${peer.clientId}\t${peer.name}`)
    .join('\n');

export function PeerMarks({ id }: { id: string }) {
  const pickers = useSyncState(pickersOf(id));
  if (!pickers) return null;
  const peers = pickers.split('\n').map((line) => {
    const [clientId, name] = line.split('\t');
    return { clientId: Number(clientId), name };
  });
  return (
    <>
      {peers.map((peer, index) => (
        <div key={peer.clientId} className="pm-peer-mark" style={{ ['--peer' as string]: peerColour(peer.clientId), ['--ring' as string]: `${4 + index * 4}px` }} aria-hidden="true">
          <span className="pm-peer-mark__name" style={{ left: `${index * 25}%` }}>
            {peer.name}
          </span>
        </div>
      ))}
      <span id={peerMarksId(id)} className="pm-visually-hidden">
        {t('team.selectedBy', { names: formatList(peers.map((peer) => peer.name)) })}
      </span>
    </>
  );
}
