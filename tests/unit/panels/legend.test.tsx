import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { Legend, LegendContent } from '../../../src/panels/Legend';
import { ui } from '../../../src/actions/ui-state';
import { emptyAccountMap, newStakeholder } from '../../../src/domain/defaults';
import { COVERAGE_LOOK } from '../../../src/drawing/appearance';
import { openMap, smallMap } from './map-fixture';

afterEach(cleanup);

const section = (title: string) => screen.queryByRole('heading', { name: title })?.closest('section') ?? null;

test('the legend shows only what the map uses', () => {
  const map = smallMap();
  map.stakeholders['stk-ana'] = { ...map.stakeholders['stk-ana'], stance: 'champion', roles: ['economic-buyer'] };
  render(<LegendContent map={map} />);

  const stances = within(section('Stance')!).getAllByRole('listitem').map((li) => li.textContent);
  expect(stances).toEqual(['★Champion', '·Unknown stance']);
  const roles = within(section('Buying role')!).getAllByRole('listitem').map((li) => li.textContent);
  expect(roles).toEqual(['EBEconomic buyer']);
  const coverage = within(section('Department coverage')!).getAllByRole('listitem').map((li) => li.textContent);
  expect(coverage).toEqual(['Engaged', 'White space', 'Coverage unknown']);
  const links = within(section('Links')!).getAllByRole('listitem');
  expect(links.map((li) => li.textContent)).toEqual(['Influencesthicker = stronger']);
  // The line sample is drawn with the link kind's own dash and an arrow.
  const line = links[0].querySelector('svg line')!;
  expect(line.getAttribute('stroke-dasharray')).toBe('9 6');
  expect(links[0].querySelector('svg path')).not.toBeNull();

  const marks = within(section('Marks')!).getAllByRole('listitem').map((li) => li.textContent);
  expect(marks.some((m) => m?.includes('Influence'))).toBe(true);
  expect(marks.some((m) => m?.includes('Placeholder'))).toBe(false);
  expect(marks.some((m) => m?.includes('Left the company'))).toBe(false);
  expect(screen.queryByText('Competitor')).toBeNull();
  expect(screen.queryByText('Conflict')).toBeNull();
});

test('coverage swatches use the canvas patterns, and placeholder and leaving marks appear when used', () => {
  const map = smallMap();
  map.departments['dep-it'] = { ...map.departments['dep-it'], coverage: 'competitor' };
  map.stakeholders['stk-ana'] = { ...map.stakeholders['stk-ana'], placeholder: true };
  map.stakeholders['stk-bo'] = { ...map.stakeholders['stk-bo'], leftCompany: true };
  map.links['lnk-2'] = { ...map.links['lnk-1'], id: 'lnk-2', kind: 'conflict' };
  const { container } = render(<LegendContent map={map} />);

  const competitor = within(section('Department coverage')!).getByText('Competitor').closest('li')!;
  const swatch = competitor.querySelector<HTMLElement>('.pm-legend__swatch')!;
  expect(swatch.style.borderStyle).toBe(COVERAGE_LOOK.competitor.borderStyle);
  expect(swatch.style.background).toContain('repeating-linear-gradient');
  expect(within(section('Links')!).getByText('Conflict')).toBeInTheDocument();
  expect(screen.getByText('Placeholder: a seat we still have to find')).toBeInTheDocument();
  expect(screen.getByText('Left the company')).toBeInTheDocument();
  expect(container.querySelectorAll('svg')).toHaveLength(2);
});

test('an empty map says the legend fills in later', () => {
  render(<LegendContent map={emptyAccountMap('m', 'Empty', '2026-01-01T00:00:00.000Z')} />);
  expect(screen.getByText(/fills in as you add/)).toBeInTheDocument();
  expect(screen.queryByRole('heading')).toBeNull();
});

test('the canvas legend collapses and expands, and follows the map', async () => {
  const user = userEvent.setup();
  act(() => ui.set('legendOpen', false));
  openMap(smallMap());
  render(<Legend />);
  const toggle = screen.getByRole('button', { name: 'Legend' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('heading', { name: 'Stance' })).toBeNull();

  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByRole('heading', { name: 'Stance' })).toBeInTheDocument();
  expect(screen.queryByText('Blocker')).toBeNull();

  const map = smallMap();
  map.stakeholders['stk-extra'] = newStakeholder({ id: 'stk-extra', name: 'Eve', stance: 'blocker' });
  act(() => openMap(map));
  expect(screen.getByText('Blocker')).toBeInTheDocument();
});
