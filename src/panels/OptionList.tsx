// The list under a combobox (find-or-add, the link picker): options by id, the active one marked
// for aria-activedescendant, chosen with the mouse without taking focus from the field.
import type { ReactNode } from 'react';

export interface ListedOption {
  id: string;
  content: ReactNode;
}

export function OptionList({ listId, label, options, current, onChoose }: { listId: string; label: string; options: ListedOption[]; current: number; onChoose(index: number): void }) {
  return (
    <ul className="pm-command__list" id={listId} role="listbox" aria-label={label}>
      {options.map((option, index) => (
        <li
          key={option.id}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === current}
          className={index === current ? 'pm-command__option pm-command__option--active' : 'pm-command__option'}
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(index);
          }}
        >
          {option.content}
        </li>
      ))}
    </ul>
  );
}
