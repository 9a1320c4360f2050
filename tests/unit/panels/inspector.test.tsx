import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { Inspector } from '../../../src/panels/Inspector';
import { useMapStore } from '../../../src/store/map-store';
import { smallMap } from '../fixtures/maps';
import { current, openMap } from '../fixtures/store';

afterEach(cleanup);

const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });

describe('Inspector: one stakeholder', () => {
  test('sets the stance and toggles buying roles through the store, each one undo step', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['stk_buyer']);
    render(<Inspector />);

    const stance = within(inspector()).getByRole('radiogroup', { name: 'Stance' });
    await user.click(within(stance).getByRole('radio', { name: /Champion/ }));
    expect(current().stakeholders['stk_buyer'].stance).toBe('champion');
    expect(within(stance).getByRole('radio', { name: /Champion/ })).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: /Economic buyer/ }));
    await user.click(screen.getByRole('checkbox', { name: /Decision-maker/ }));
    expect(current().stakeholders['stk_buyer'].roles).toEqual(['economic-buyer', 'decision-maker']);
    expect(screen.getByRole('checkbox', { name: /Economic buyer/ })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: /Economic buyer/ }));
    expect(current().stakeholders['stk_buyer'].roles).toEqual(['decision-maker']);

    // Other methodologies' words are in the tooltips.
    expect(screen.getByRole('checkbox', { name: /Economic buyer/ }).closest('label')).toHaveAttribute('title', expect.stringContaining('MEDDPICC'));
    expect(within(stance).getByRole('radio', { name: /Champion/ }).closest('label')).toHaveAttribute('title', expect.stringContaining('Coach'));

    act(() => useMapStore.getState().undo());
    act(() => useMapStore.getState().undo());
    act(() => useMapStore.getState().undo());
    expect(current().stakeholders['stk_buyer'].roles).toEqual([]);
    expect(current().stakeholders['stk_buyer'].stance).toBe('champion');
  });

  test('an empty name is refused with a message and not saved', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['stk_buyer']);
    render(<Inspector />);

    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    expect(screen.getByRole('alert')).toHaveTextContent('A stakeholder needs a name.');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(current().stakeholders['stk_buyer'].name).toBe('Zofia');

    // Leaving the field shows the stored name again.
    await user.tab();
    expect(name).toHaveValue('Zofia');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('typing is live, keeps spaces, and a whole typing session is one undo step', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['stk_buyer']);
    render(<Inspector />);

    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Chief Procurement Officer');
    expect(title).toHaveValue('Chief Procurement Officer');
    expect(current().stakeholders['stk_buyer'].title).toBe('Chief Procurement Officer');
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, ' Nowak'); // the space survives, though the command trims what it stores
    expect(name).toHaveValue('Zofia Nowak');
    await user.click(screen.getByRole('heading', { level: 2 }));
    expect(current().stakeholders['stk_buyer'].name).toBe('Zofia Nowak');
    expect(useMapStore.getState().gestureStart).toBeNull();

    act(() => useMapStore.getState().undo());
    expect(current().stakeholders['stk_buyer'].name).toBe('Zofia');
    expect(current().stakeholders['stk_buyer'].title).toBe('Chief Procurement Officer');
    act(() => useMapStore.getState().undo());
    expect(current().stakeholders['stk_buyer'].title).toBe('Head of Procurement');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Head of Procurement');
  });

  test('focusing a field does not block undo, and a field that vanishes mid-typing closes its undo step', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['stk_buyer']);
    render(<Inspector />);
    await user.click(screen.getByRole('radio', { name: /Blocker/ }));
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    expect(useMapStore.getState().gestureStart).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Owns the budget');
    expect(useMapStore.getState().gestureStart).not.toBeNull();
    act(() => useMapStore.getState().select(['stk_cio']));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Stavros');
    expect(useMapStore.getState().gestureStart).toBeNull();
    act(() => useMapStore.getState().undo());
    expect(current().stakeholders['stk_buyer'].notes).toBe('');
    expect(current().stakeholders['stk_buyer'].stance).toBe('blocker');
  });

  test('edits department, owner, influence, dates, placeholder and leaving', async () => {
    const user = userEvent.setup();
    const map = smallMap();
    map.stakeholders['stk_buyer'] = { ...map.stakeholders['stk_buyer'], placeholder: true, name: 'Buyer (unknown)' };
    openMap(map, ['stk_buyer']);
    render(<Inspector />);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), 'IT');
    const moved = current().stakeholders['stk_buyer'];
    expect(moved.departmentId).toBe('dep_it');
    // It lands in a free spot, not on top of Stavros.
    expect(moved.position).not.toEqual(current().stakeholders['stk_cio'].position);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), 'No department');
    expect(current().stakeholders['stk_buyer'].departmentId).toBeNull();
    expect(current().stakeholders['stk_buyer'].position).toEqual({ x: 800 + moved.position.x, y: moved.position.y });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner on our team' }), 'Sam');
    expect(current().stakeholders['stk_buyer'].ownerId).toBe('tm_sam');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Influence' }), 'high');
    expect(current().stakeholders['stk_buyer'].influence).toBe('high');
    await user.type(screen.getByLabelText('Last contact'), '2026-03-02');
    expect(current().stakeholders['stk_buyer'].lastContact).toBe('2026-03-02');

    // A placeholder seat is filled in with the person who holds it.
    await user.click(screen.getByRole('button', { name: 'Fill in the person' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the person a name.');
    await user.type(screen.getByRole('textbox', { name: 'Who holds this seat?' }), 'Dora Diaz');
    await user.click(screen.getByRole('button', { name: 'Fill in the person' }));
    expect(current().stakeholders['stk_buyer']).toMatchObject({ placeholder: false, name: 'Dora Diaz' });
    expect(screen.queryByRole('button', { name: 'Fill in the person' })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Left the company' }));
    expect(current().stakeholders['stk_buyer'].leftCompany).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Where they went' }), 'Acme');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Successor' }), 'Stavros');
    expect(current().stakeholders['stk_buyer']).toMatchObject({ leftTo: 'Acme', successorId: 'stk_cio' });
    const successorOptions = within(screen.getByRole('combobox', { name: 'Successor' })).getAllByRole('option').map((o) => o.textContent);
    expect(successorOptions).not.toContain('Dora Diaz');
  });

  test('every control is disabled when the map is read-only here', () => {
    openMap(smallMap(), ['stk_buyer'], { readOnly: true });
    render(<Inspector />);
    expect(screen.getByText(/Read-only/)).toBeInTheDocument();
    for (const control of [...screen.getAllByRole('textbox'), ...screen.getAllByRole('combobox'), ...screen.getAllByRole('checkbox'), ...screen.getAllByRole('radio')]) {
      expect(control).toBeDisabled();
    }
  });
});

describe('Inspector: department, link, several, nothing', () => {
  test('a department: coverage, competitor, products and a parent that is not itself or inside it', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['dep_fin']);
    render(<Inspector />);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Coverage' }), 'competitor');
    expect(current().departments['dep_fin'].coverage).toBe('competitor');
    await user.type(screen.getByRole('textbox', { name: 'Competitor' }), 'SAP');
    expect(current().departments['dep_fin'].competitor).toBe('SAP');

    await user.clear(screen.getByRole('textbox', { name: 'Products we sell here' }));
    await user.type(screen.getByRole('textbox', { name: 'Products we sell here' }), 'Fleet, Routing ,');
    expect(screen.getByRole('textbox', { name: 'Products we sell here' })).toHaveValue('Fleet, Routing ,');
    expect(current().departments['dep_fin'].products).toEqual(['Fleet', 'Routing']);

    const parents = within(screen.getByRole('combobox', { name: 'Parent department' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(parents).toEqual(['None (top level)', 'IT']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Parent department' }), 'IT');
    expect(current().departments['dep_fin'].parentId).toBe('dep_it');
  });

  test('a link: kind, label, strength and direction', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['lnk_2']);
    render(<Inspector />);

    expect(screen.getByRole('heading', { name: /Stavros influences Claire/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Strength of influence' }), 'low');
    expect(current().links['lnk_2'].strength).toBe('low');
    await user.click(screen.getByRole('button', { name: 'Reverse direction' }));
    expect(current().links['lnk_2']).toMatchObject({ sourceId: 'stk_cfo', targetId: 'stk_cio' });
    expect(screen.getByRole('heading', { name: /Claire influences Stavros/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of link' }), 'Conflict');
    expect(current().links['lnk_2'].kind).toBe('conflict');
    expect(screen.queryByRole('combobox', { name: 'Strength of influence' })).toBeNull();
  });

  test('several things: a count and Delete, then the nearest card is selected', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), ['stk_buyer', 'lnk_2']);
    render(<Inspector />);
    expect(screen.getByRole('heading', { name: '2 selected' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Delete/ }));
    expect(current().stakeholders['stk_buyer']).toBeUndefined();
    expect(current().links['lnk_2']).toBeUndefined();
    const [next, ...rest] = useMapStore.getState().selection;
    expect(rest).toEqual([]);
    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveValue(current().stakeholders[next].name);
  });

  test('nothing selected: rename the map and edit our team', async () => {
    const user = userEvent.setup();
    openMap(smallMap(), []);
    render(<Inspector />);

    const mapName = screen.getByRole('textbox', { name: 'Map name' });
    await user.clear(mapName);
    expect(screen.getByRole('alert')).toHaveTextContent('Give the account map a name.');
    await user.type(mapName, 'Nordwind AG');
    expect(current().name).toBe('Nordwind AG');

    const team = screen.getByRole('region', { name: 'Our team' });
    expect(within(team).getByRole('combobox', { name: 'Role of Sam' })).toHaveDisplayValue('Results driver');
    await user.click(within(team).getByRole('button', { name: 'Add to team' }));
    expect(within(team).getByRole('alert')).toHaveTextContent('Give the team member a name.');
    await user.type(within(team).getByRole('textbox', { name: 'New team member' }), 'Noor Haddad');
    await user.selectOptions(within(team).getByRole('combobox', { name: 'Role of the new team member' }), 'Technical expert');
    await user.click(within(team).getByRole('button', { name: 'Add to team' }));
    const noor = Object.values(current().team).find((m) => m.name === 'Noor Haddad');
    expect(noor?.role).toBe('technical-expert');
    expect(within(team).getByRole('combobox', { name: 'Role of Noor Haddad' })).toHaveDisplayValue('Technical expert');

    await user.click(within(team).getByRole('button', { name: 'Remove Sam from our team' }));
    expect(current().team['tm_sam']).toBeUndefined();
  });

  test('a change the command refuses shows in the store notices and changes nothing', async () => {
    const user = userEvent.setup();
    const map = smallMap();
    map.links.lnk_4 = { ...map.links.lnk_2, id: 'lnk_4', kind: 'reports-to' };
    openMap(map, ['lnk_4']);
    render(<Inspector />);
    // Stavros already influences Claire: a second, identical link is refused.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of link' }), 'Influences');
    expect(useMapStore.getState().notices.at(-1)).toMatchObject({ tone: 'error' });
    expect(current().links['lnk_4'].kind).toBe('reports-to');
    expect(screen.getByRole('combobox', { name: 'Kind of link' })).toHaveValue('reports-to');
  });
});
