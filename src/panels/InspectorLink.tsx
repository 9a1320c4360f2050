// Edits one link: its kind, label, strength, direction.
import './InspectorLink.css';
import { useTranslation } from 'react-i18next';
import { INFLUENCE_LEVELS, LINK_KINDS, type Link } from '../domain/types';
import { LINK_LOOK } from '../drawing/appearance';
import { rememberLinkKind } from '../actions/links';
import { useMapStore } from '../store/map-store';
import { SelectField, TextField } from './fields';
import { run } from './use-map';
import { linkSentence } from '../domain/messages';

export function InspectorLink({ link }: { link: Link }) {
  const { t } = useTranslation();
  const readOnly = useMapStore((s) => s.readOnly);
  const sourceName = useMapStore((s) => s.map?.stakeholders[link.sourceId]?.name ?? s.map?.departments[link.sourceId]?.name ?? t('inspector.link.missing'));
  const targetName = useMapStore((s) => s.map?.stakeholders[link.targetId]?.name ?? s.map?.departments[link.targetId]?.name ?? t('inspector.link.missing'));
  const update = (patch: Partial<Omit<Link, 'id'>>) => run({ type: 'updateLink', id: link.id, patch });
  const directed = link.kind !== 'ally' && link.kind !== 'conflict';

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">{t('inspector.link.kind')}</span>
        {linkSentence(link.kind, sourceName, targetName)}
      </h2>
      <dl className="pm-ends">
        <dt>{directed ? t('inspector.link.from') : t('inspector.link.between')}</dt>
        <dd>{sourceName}</dd>
        <dt>{directed ? t('inspector.link.to') : t('inspector.link.and')}</dt>
        <dd>{targetName}</dd>
      </dl>
      <SelectField
        label={t('a11y.linkPicker.kind')}
        value={link.kind}
        disabled={readOnly}
        options={LINK_KINDS.map((k) => ({ value: k, label: LINK_LOOK[k].label, title: LINK_LOOK[k].description }))}
        hint={LINK_LOOK[link.kind].description}
        onChange={(kind) => {
          rememberLinkKind(kind);
          update({ kind });
        }}
      />
      <TextField label={t('inspector.link.label')} placeholder={t('inspector.link.labelPlaceholder')} value={link.label} disabled={readOnly} onChange={(label) => update({ label })} />
      {link.kind === 'influences' ? (
        <SelectField
          label={t('inspector.link.strength')}
          value={link.strength}
          disabled={readOnly}
          options={INFLUENCE_LEVELS.map((v) => ({ value: v, label: t(`inspector.link.strengthLevel.${v}`) }))}
          hint={t('inspector.link.strengthHint')}
          onChange={(strength) => update({ strength })}
        />
      ) : null}
      <button type="button" disabled={readOnly} onClick={() => update({ sourceId: link.targetId, targetId: link.sourceId })}>
        <span aria-hidden="true">⇄</span> {t('inspector.link.reverse')}
      </button>
    </div>
  );
}
