// The design card's three headline tags, one click away on the card itself (shown on hover and
// when the card is selected): champion, blocker, decision-maker. A second click removes the tag.
import type { Stakeholder } from '../../domain/types';
import { setStance, toggleRole } from '../../domain/commands';
import { useMapStore } from '../../store/map-store';
import { ROLE_LOOK, STANCE_LOOK } from '../../drawing/appearance';

export function QuickTags({ stakeholder }: { stakeholder: Stakeholder }) {
  const run = useMapStore.getState().run;
  const { id, name, stance, roles } = stakeholder;
  const toggleStance = (target: 'champion' | 'blocker') =>
    run((map) => setStance(map, id, stance === target ? 'unknown' : target));
  const isDecisionMaker = roles.includes('decision-maker');

  return (
    <div className="pm-quick-tags nodrag" role="toolbar" aria-label={`Quick tags for ${name}`}>
      <button
        type="button"
        aria-pressed={stance === 'champion'}
        aria-label={`Champion: tag ${name}`}
        title="Champion (sells for us when we are not in the room)"
        onClick={() => toggleStance('champion')}
      >
        {STANCE_LOOK.champion.icon} Champion
      </button>
      <button
        type="button"
        aria-pressed={stance === 'blocker'}
        aria-label={`Blocker: tag ${name}`}
        title="Blocker (works against us)"
        onClick={() => toggleStance('blocker')}
      >
        {STANCE_LOOK.blocker.icon} Blocker
      </button>
      <button
        type="button"
        aria-pressed={isDecisionMaker}
        aria-label={`Decision-maker: tag ${name}`}
        title={`${ROLE_LOOK['decision-maker'].label} — ${ROLE_LOOK['decision-maker'].alsoKnownAs}`}
        onClick={() => run((map) => toggleRole(map, id, 'decision-maker'))}
      >
        {ROLE_LOOK['decision-maker'].badge} Decision-maker
      </button>
    </div>
  );
}
