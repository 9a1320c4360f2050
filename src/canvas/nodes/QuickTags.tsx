// The three headline tags, one click away on the card itself (shown on hover and when the card is
// selected): champion, blocker, decision-maker. A second click removes the tag. They run the same
// actions as the keys C, B and M, aimed at this card.
import './QuickTags.css';
import type { Stakeholder } from '../../domain/types';
import { actionById } from '../../actions/registry';
import { displayShortcut } from '../../actions/shortcuts';
import { ROLE_LOOK, STANCE_LOOK } from '../../drawing/appearance';

export function QuickTags({ stakeholder }: { stakeholder: Stakeholder }) {
  const { id, name, stance, roles } = stakeholder;
  const tag = (actionId: 'tag-champion' | 'tag-blocker' | 'tag-decision-maker') => actionById[actionId].run({ ids: [id] });
  const isDecisionMaker = roles.includes('decision-maker');
  /** The tooltip, with the keys that do the same ("Champion (…) — C or 1"). */
  const withKeys = (text: string, actionId: string) => `${text} — ${actionById[actionId].shortcuts.map(displayShortcut).join(' or ')}`;

  return (
    <div className="pm-quick-tags nodrag" role="toolbar" aria-label={`Quick tags for ${name}`}>
      <button
        type="button"
        aria-pressed={stance === 'champion'}
        aria-label={`Champion: tag ${name}`}
        title={withKeys('Champion (sells for us when we are not in the room)', 'tag-champion')}
        onClick={() => tag('tag-champion')}
      >
        <span aria-hidden="true">{STANCE_LOOK.champion.icon}</span> Champion
      </button>
      <button
        type="button"
        aria-pressed={stance === 'blocker'}
        aria-label={`Blocker: tag ${name}`}
        title={withKeys('Blocker (works against us)', 'tag-blocker')}
        onClick={() => tag('tag-blocker')}
      >
        <span aria-hidden="true">{STANCE_LOOK.blocker.icon}</span> Blocker
      </button>
      <button
        type="button"
        aria-pressed={isDecisionMaker}
        aria-label={`${ROLE_LOOK['decision-maker'].badge} Decision-maker: tag ${name}`}
        title={withKeys(`${ROLE_LOOK['decision-maker'].label} — ${ROLE_LOOK['decision-maker'].alsoKnownAs}`, 'tag-decision-maker')}
        onClick={() => tag('tag-decision-maker')}
      >
        <span aria-hidden="true">{ROLE_LOOK['decision-maker'].badge}</span> Decision-maker
      </button>
    </div>
  );
}
