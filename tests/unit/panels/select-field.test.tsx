import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';

afterEach(cleanup);
import { SelectField } from '../../../src/panels/fields';

const departments = (count: number) => Array.from({ length: count }, (_, i) => ({ value: `d${i}`, label: `Department ${i}` }));

describe('a select with many options (the department of a card on a 20,000-person map)', () => {
  it('shows the current choice, and lists every option once someone reaches for it', () => {
    const onChange = vi.fn();
    render(<SelectField label="Department" value="d250" options={departments(2000)} onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Department' }) as HTMLSelectElement;
    // Until then only the current option is built: 2,000 were most of a click's cost.
    expect(select.options).toHaveLength(1);
    expect(select.selectedOptions[0].textContent).toBe('Department 250');
    fireEvent.focus(select);
    expect(select.options).toHaveLength(2000);
    expect(select.value).toBe('d250');
    fireEvent.change(select, { target: { value: 'd7' } });
    expect(onChange).toHaveBeenCalledWith('d7');
  });

  it('lists a short list at once', () => {
    render(<SelectField label="Department" value="d3" options={departments(12)} onChange={() => {}} />);
    expect((screen.getByRole('combobox', { name: 'Department' }) as HTMLSelectElement).options).toHaveLength(12);
  });
});
