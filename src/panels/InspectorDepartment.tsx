// Edits one department: name, coverage (white space, competitor...), products, value, nesting.
import './InspectorDepartment.css';
import { useTranslation } from 'react-i18next';
import { descendantsOf } from '../domain/commands';
import { COVERAGE_STATUSES, type Department } from '../domain/types';
import { COVERAGE_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { SelectField, TextField } from './fields';
import { run, useNameOptions } from './use-map';

/** "A, B, , C " -> ["A", "B", "C"]. */
function parseProducts(text: string): string[] {
  return text
    .split(',')
    .map((product) => product.trim())
    .filter(Boolean);
}

export function InspectorDepartment({ department }: { department: Department }) {
  const { t } = useTranslation();
  const id = department.id;
  const readOnly = useMapStore((s) => s.readOnly);
  // A department cannot sit inside itself or inside one of its own sub-departments.
  const parents = useNameOptions((map) => {
    const excluded = new Set([id, ...descendantsOf(map, id)]);
    return Object.values(map.departments).filter((d) => !excluded.has(d.id));
  });
  const update = (patch: Partial<Omit<Department, 'id'>>) => run({ type: 'updateDepartment', id, patch });
  const look = COVERAGE_LOOK[department.coverage];

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">{t('inspector.department.kind')}</span>
        {department.name}
      </h2>
      <TextField
        label={t('inspector.name')}
        value={department.name}
        disabled={readOnly}
        requiredMessage={t('inspector.department.nameRequired')}
        onChange={(name) => update({ name })}
      />
      <div className="pm-coverage">
        <span
          className="pm-coverage__swatch"
          aria-hidden="true"
          style={{ background: look.background, borderColor: look.border, borderStyle: look.borderStyle }}
        />
        <SelectField
          label={t('inspector.department.coverage')}
          value={department.coverage}
          disabled={readOnly}
          options={COVERAGE_STATUSES.map((c) => ({ value: c, label: COVERAGE_LOOK[c].label }))}
          hint={t(`inspector.department.coverageHint.${department.coverage}`)}
          onChange={(coverage) => update({ coverage })}
        />
      </div>
      {department.coverage === 'competitor' ? (
        <TextField
          label={t('inspector.department.competitor')}
          placeholder={t('inspector.department.competitorPlaceholder')}
          value={department.competitor}
          disabled={readOnly}
          onChange={(competitor) => update({ competitor })}
        />
      ) : null}
      <TextField
        label={t('inspector.department.products')}
        placeholder={t('inspector.department.productsPlaceholder')}
        value={department.products.join(', ')}
        disabled={readOnly}
        onChange={(text) => update({ products: parseProducts(text) })}
      />
      <TextField
        label={t('inspector.department.potentialValue')}
        placeholder={t('inspector.department.potentialPlaceholder')}
        value={department.potentialValue}
        disabled={readOnly}
        onChange={(potentialValue) => update({ potentialValue })}
      />
      <SelectField
        label={t('inspector.department.parent')}
        value={department.parentId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: t('inspector.department.topLevel') }, ...parents]}
        onChange={(parentId) => run({ type: 'moveInto', id, parentId: parentId || null })}
      />
      <TextField label={t('inspector.notes')} multiline value={department.notes} disabled={readOnly} onChange={(notes) => update({ notes })} />
    </div>
  );
}
