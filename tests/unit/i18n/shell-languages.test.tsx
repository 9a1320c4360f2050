// The shell in Russian and Polish: the home list counts with the language's plural forms, the
// toolbar and the ? overlay read the action registry in the language shown, and a change of
// language redraws them at once, without a reload.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { HomeView, formatEdited } from '../../../src/app/HomeView';
import { actionById, actions } from '../../../src/actions/registry';
import { HelpOverlay } from '../../../src/panels/HelpOverlay';
import { Toolbar } from '../../../src/panels/Toolbar';
import { setLanguage } from '../../../src/i18n';
import { createMap, deleteMap, listMaps } from '../../../src/persistence/repository';
import { useMapStore } from '../../../src/store/map-store';
import { mapWith, smallMap } from '../fixtures/maps';

beforeEach(async () => {
  for (const map of await listMaps()) await deleteMap(map.id);
});
afterEach(async () => {
  cleanup();
  await setLanguage('en');
});

const people = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `p${i}` }));

test('the home list counts in Russian plural forms: 4 стейкхолдера, 5 стейкхолдеров, 21 стейкхолдер', async () => {
  await setLanguage('ru');
  const now = new Date().toISOString();
  await createMap({ ...mapWith({ stakeholders: people(4) }), id: 'm4', name: 'Четыре', updatedAt: now });
  await createMap({ ...mapWith({ stakeholders: people(5), departments: [{ id: 'd1', coverage: 'white-space' }, { id: 'd2', coverage: 'white-space' }] }), id: 'm5', name: 'Пять', updatedAt: now });
  await createMap({ ...mapWith({ stakeholders: people(21) }), id: 'm21', name: 'Двадцать один', updatedAt: now });
  render(<HomeView onOpen={() => {}} />);
  expect(await screen.findByRole('button', { name: 'Открыть Четыре' }, { timeout: 5000 })).toHaveAccessibleDescription('Изменена только что · 4 стейкхолдера · 0 белых пятен');
  expect(screen.getByRole('button', { name: 'Открыть Пять' })).toHaveAccessibleDescription(/5 стейкхолдеров · 2 белых пятна$/);
  expect(screen.getByRole('button', { name: 'Открыть Двадцать один' })).toHaveAccessibleDescription(/21 стейкхолдер · 0 белых пятен$/);
  expect(screen.getByRole('heading', { name: 'Ваши карты клиентов' })).toBeInTheDocument();
});

test('"minutes ago" and "yesterday" follow the language', async () => {
  const now = new Date('2026-03-10T12:00:00');
  const minutes = (n: number) => new Date(now.getTime() - n * 60_000).toISOString();
  await setLanguage('pl');
  expect([1, 3, 5, 22].map((n) => formatEdited(minutes(n), now))).toEqual(['1 minutę temu', '3 minuty temu', '5 minut temu', '22 minuty temu']);
  await setLanguage('ru');
  expect([1, 3, 5, 21].map((n) => formatEdited(minutes(n), now))).toEqual(['1 минуту назад', '3 минуты назад', '5 минут назад', '21 минуту назад']);
  expect(formatEdited(new Date('2026-03-09T09:30:00').toISOString(), now)).toBe('вчера, 09:30');
});

test('the toolbar changes language at once while the map is open', async () => {
  useMapStore.getState().openMap(smallMap());
  render(<Toolbar onBack={() => {}} />);
  expect(screen.getByRole('button', { name: 'Add stakeholder' })).toHaveAttribute('title', 'Add stakeholder (N)');
  await act(() => setLanguage('pl'));
  expect(screen.getByRole('toolbar', { name: 'Pasek narzędzi mapy' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Dodaj interesariusza' })).toHaveAttribute('title', 'Dodaj interesariusza (N)');
  expect(screen.getByRole('status')).toHaveTextContent('Wszystkie zmiany zapisane');
  expect(actionById['find-or-add'].label).toBe('Znajdź lub dodaj interesariusza');
  useMapStore.getState().closeMap();
});

test('Undo and Redo name edits made before a change of language in the new language', async () => {
  useMapStore.getState().openMap(smallMap());
  const stakeholder = Object.keys(smallMap().stakeholders)[0];
  useMapStore.getState().run({ type: 'setStance', ids: [stakeholder], stance: 'champion' });
  useMapStore.getState().run({ type: 'batch', label: { key: 'actions.edit.addStakeholderAndDepartment' }, edits: [{ type: 'renameMap', name: 'Renamed' }] });
  useMapStore.getState().undo();
  render(<Toolbar onBack={() => {}} />);
  expect(screen.getByRole('button', { name: 'Undo: mark champion' })).toBeEnabled();
  expect(screen.getByRole('button', { name: 'Redo: add stakeholder and department' })).toBeEnabled();
  await act(() => setLanguage('pl'));
  expect(screen.getByRole('button', { name: 'Cofnij: oznaczenie: orędownik' })).toBeEnabled();
  expect(screen.getByRole('button', { name: 'Ponów: dodanie interesariusza i działu' })).toBeEnabled();
  await act(() => setLanguage('ru'));
  expect(screen.getByRole('button', { name: /^Отменить: / })).toBeEnabled();
  expect(screen.queryByRole('button', { name: /champion|stakeholder/ })).toBeNull();
  useMapStore.getState().closeMap();
});

test('the ? overlay in Russian: its texts, the registry’s labels and a language picker', async () => {
  await setLanguage('ru');
  const rows = actions.map((action) => ({ label: action.label, keys: action.shortcuts }));
  render(<HelpOverlay shortcuts={rows} onClose={() => {}} />);
  const dialog = screen.getByRole('dialog', { name: 'Сочетания клавиш' });
  expect(within(dialog).getByRole('region', { name: 'Быстрый ввод' })).toHaveTextContent('#подчиняется');
  expect(within(dialog).getByRole('rowheader', { name: 'Отметить как чемпиона' })).toBeInTheDocument();
  expect(within(dialog).getByRole('rowheader', { name: 'Провести связь' })).toBeInTheDocument();
  expect(within(dialog).getByRole('combobox', { name: 'Язык' })).toHaveValue('ru');
  expect(within(dialog).getAllByText('Ctrl').length).toBeGreaterThan(0);
});
