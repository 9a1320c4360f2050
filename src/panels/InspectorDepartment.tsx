// Edits one department: name, coverage (white space, competitor...), products, value, nesting.
import './InspectorDepartment.css';
import { descendantsOf } from '../domain/commands';
import { COVERAGE_STATUSES, type Department } from '../domain/types';
import { COVERAGE_LOOK } from '../drawing/appearance';
import { useMapStore } from '../store/map-store';
import { SelectField, TextField } from './fields';
import { run, useNameOptions } from './use-map';

const COVERAGE_HINT: Record<Department['coverage'], string> = {
  engaged: 'We sell to or work with them today.',
  'white-space': 'Not sold to yet: an opportunity. Drawn hatched with a dashed border.',
  competitor: 'A competitor holds it. Drawn cross-hatched with a dotted border.',
  unknown: 'We do not know yet who serves them.',
};

/** "A, B, , C " -> ["A", "B", "C"]. */
function parseProducts(text: string): string[] {
  return text
    .split(',')
    .map((product) => product.trim())
    .filter(Boolean);
}

export function InspectorDepartment({ department }: { department: Department }) {
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
        <span className="pm-inspector__kind">Department</span>
        {department.name}
      </h2>
      <TextField
        label="Name"
        value={department.name}
        disabled={readOnly}
        requiredMessage="A department needs a name."
        onChange={(name) => update({ name })}
      />
      <div className="pm-coverage">
        <span
          className="pm-coverage__swatch"
          aria-hidden="true"
          style={{ background: look.background, borderColor: look.border, borderStyle: look.borderStyle }}
        />
        <SelectField
          label="Coverage"
          value={department.coverage}
          disabled={readOnly}
          options={COVERAGE_STATUSES.map((c) => ({ value: c, label: COVERAGE_LOOK[c].label }))}
          hint={COVERAGE_HINT[department.coverage]}
          onChange={(coverage) => update({ coverage })}
        />
      </div>
      {department.coverage === 'competitor' ? (
        <TextField
          label="Competitor"
          placeholder="Who holds it?"
          value={department.competitor}
          disabled={readOnly}
          onChange={(competitor) => update({ competitor })}
        />
      ) : null}
      <TextField
        label="Products we sell here"
        placeholder="Separate with commas"
        value={department.products.join(', ')}
        disabled={readOnly}
        onChange={(text) => update({ products: parseProducts(text) })}
      />
      <TextField
        label="Potential value"
        placeholder="e.g. €250k ARR"
        value={department.potentialValue}
        disabled={readOnly}
        onChange={(potentialValue) => update({ potentialValue })}
      />
      <SelectField
        label="Parent department"
        value={department.parentId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: 'None (top level)' }, ...parents]}
        onChange={(parentId) => run({ type: 'moveInto', id, parentId: parentId || null })}
      />
      <TextField label="Notes" multiline value={department.notes} disabled={readOnly} onChange={(notes) => update({ notes })} />
    </div>
  );
}
