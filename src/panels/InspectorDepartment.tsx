// Edits one department: name, coverage (white space, competitor...), products, value, nesting.
import { useShallow } from 'zustand/react/shallow';
import { descendantsOf, reparent, updateDepartment } from '../domain/commands';
import { COVERAGE_STATUSES, type Department } from '../domain/types';
import { COVERAGE_LOOK } from '../canvas/appearance';
import { useMapStore } from '../store/map-store';
import { SelectField, TextField } from './fields';

export function InspectorDepartment({ department }: { department: Department }) {
  const id = department.id;
  const readOnly = useMapStore((s) => s.readOnly);
  const parents = useMapStore(
    useShallow((s) => {
      const map = s.map;
      if (!map) return [];
      const excluded = new Set([id, ...descendantsOf(map, id)]);
      return Object.values(map.departments)
        .filter((d) => !excluded.has(d.id))
        .map((d) => ({ value: d.id, label: d.name }));
    }),
  );
  const run = useMapStore.getState().run;
  const update = (patch: Partial<Department>) => run((map) => updateDepartment(map, id, patch));

  return (
    <div className="pm-inspector__form">
      <h2 className="pm-inspector__heading">
        <span className="pm-inspector__kind">Department</span>
        {department.name}
      </h2>
      <TextField label="Name" value={department.name} disabled={readOnly} requiredMessage="A department needs a name." onChange={(name) => update({ name })} />
      <SelectField
        label="Coverage"
        value={department.coverage}
        disabled={readOnly}
        options={COVERAGE_STATUSES.map((c) => ({ value: c, label: COVERAGE_LOOK[c].label }))}
        onChange={(coverage) => update({ coverage })}
      />
      {department.coverage === 'competitor' ? (
        <TextField label="Competitor" placeholder="Who holds it?" value={department.competitor} disabled={readOnly} onChange={(competitor) => update({ competitor })} />
      ) : null}
      <TextField
        label="Products we sell here"
        placeholder="Comma-separated"
        value={department.products.join(', ')}
        disabled={readOnly}
        onChange={(text) => update({ products: text.split(',').map((p) => p.trim()).filter(Boolean) })}
      />
      <TextField
        label="Potential value"
        placeholder="e.g. €250k ARR"
        value={department.potentialValue}
        disabled={readOnly}
        onChange={(potentialValue) => update({ potentialValue })}
      />
      <SelectField
        label="Inside department"
        value={department.parentId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: 'None (top level)' }, ...parents]}
        onChange={(parentId) => run((map) => reparent(map, id, parentId || null, { x: 24, y: 60 }))}
      />
      <TextField label="Notes" multiline value={department.notes} disabled={readOnly} onChange={(notes) => update({ notes })} />
    </div>
  );
}
