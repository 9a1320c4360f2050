// The three headline tags, one click away on the card itself (shown on hover and when the card is
// selected): champion, blocker, decision-maker. A second click removes the tag. They run the same
// actions as the keys C, B and M, aimed at this card.
import './QuickTags.css';
import type { Stakeholder } from '../../domain/types';
import { actionById } from '../../actions/registry';
import { ROLE_LOOK, STANCE_LOOK } from '../../drawing/appearance';

export function QuickTags({ stakeholder }: { stakeholder: Stakeholder }) {
  const { id, name, stance, roles } = stakeholder;
  const tag = (actionId: 'tag-champion' | 'tag-blocker' | 'tag-decision-maker') => actionById[actionId].run({ ids: [id] });
  const isDecisionMaker = roles.includes('decision-maker');

  return (
    <div className="pm-quick-tags nodrag" role="toolbar" aria-label={`Quick tags for ${name}`}>
      <button
        type="button"
        aria-pressed={stance === 'champion'}
        aria-label={`Champion: tag ${name}`}
        title="Champion (sells for us when we are not in the room)"
        onClick={() => tag('tag-champion')}
      >
        {STANCE_LOOK.champion.icon} Champion
      </button>
      <button
        type="button"
        aria-pressed={stance === 'blocker'}
        aria-label={`Blocker: tag ${name}`}
        title="Blocker (works against us)"
        onClick={() => tag('tag-blocker')}
      >
        {STANCE_LOOK.blocker.icon} Blocker
      </button>
      <button
        type="button"
        aria-pressed={isDecisionMaker}
        aria-label={`Decision-maker: tag ${name}`}
        title={`${ROLE_LOOK['decision-maker'].label} — ${ROLE_LOOK['decision-maker'].alsoKnownAs}`}
        onClick={() => tag('tag-decision-maker')}
      >
        {ROLE_LOOK['decision-maker'].badge} Decision-maker
      </button>
    </div>
  );
}
