// The three headline tags, one click away on the card itself (shown on hover and when the card is
// selected): champion, blocker, decision-maker. A second click removes the tag. They run the same
// actions as the keys C, B and M, aimed at this card.
import './QuickTags.css';
import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '../../domain/types';
import { actionById } from '../../actions/registry';
import { displayShortcut } from '../../actions/shortcuts';
import { ROLE_LOOK, STANCE_LOOK } from '../../drawing/appearance';
import { formatList } from '../../i18n';

export function QuickTags({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation();
  const { id, name, stance, roles } = stakeholder;
  const tag = (actionId: 'tag-champion' | 'tag-blocker' | 'tag-decision-maker') => actionById[actionId].run({ ids: [id] });
  const isDecisionMaker = roles.includes('decision-maker');
  /** The tooltip, with the keys that do the same ("Champion (…) — C or 1"). */
  const withKeys = (text: string, actionId: string) => t('canvas.tags.withKeys', { text, keys: formatList(actionById[actionId].shortcuts.map(displayShortcut), 'disjunction') });

  return (
    <div className="pm-quick-tags nodrag" role="toolbar" aria-label={t('canvas.tags.label', { name })}>
      <button
        type="button"
        aria-pressed={stance === 'champion'}
        aria-label={t('canvas.tags.champion', { name })}
        title={withKeys(t('canvas.tags.championHint'), 'tag-champion')}
        onClick={() => tag('tag-champion')}
      >
        <span aria-hidden="true">{STANCE_LOOK.champion.icon}</span> {STANCE_LOOK.champion.label}
      </button>
      <button
        type="button"
        aria-pressed={stance === 'blocker'}
        aria-label={t('canvas.tags.blocker', { name })}
        title={withKeys(t('canvas.tags.blockerHint'), 'tag-blocker')}
        onClick={() => tag('tag-blocker')}
      >
        <span aria-hidden="true">{STANCE_LOOK.blocker.icon}</span> {STANCE_LOOK.blocker.label}
      </button>
      <button
        type="button"
        aria-pressed={isDecisionMaker}
        aria-label={t('canvas.tags.decisionMaker', { badge: ROLE_LOOK['decision-maker'].badge, name })}
        title={withKeys(t('canvas.tags.decisionMakerHint', { label: ROLE_LOOK['decision-maker'].label, also: ROLE_LOOK['decision-maker'].alsoKnownAs }), 'tag-decision-maker')}
        onClick={() => tag('tag-decision-maker')}
      >
        <span aria-hidden="true">{ROLE_LOOK['decision-maker'].badge}</span> {ROLE_LOOK['decision-maker'].label}
      </button>
    </div>
  );
}
