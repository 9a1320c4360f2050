import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { Legend, LegendContent } from '../../../src/panels/Legend';
import { ui } from '../../../src/actions/ui-state';
import { emptyAccountMap, newStakeholder } from '../../../src/domain/defaults';
import { COVERAGE_LOOK } from '../../../src/drawing/appearance';
import { smallMap } from '../fixtures/maps';
import { openMap } from '../fixtures/store';

afterEach(cleanup);

const section = (title: string) => screen.queryByRole('heading', { name: title })?.closest('section') ?? null;

const items = (title: string) => within(section(title)!).getAllByRole('listitem').map((li) => li.textContent);

test('the legend shows only what the map uses', () => {
  const map = smallMap();
  map.stakeholders.stk_cfo = { ...map.stakeholders.stk_cfo, stance: 'champion', roles: ['economic-buyer'] };
  render(<LegendContent map={map} />);

  expect(items('Stance')).toEqual(['★Champion', '✕Blocker', '·Unknown stance']);
  expect(items('Buying role')).toEqual(['DMDecision-maker', 'EBEconomic buyer', 'TETechnical evaluator']);
  expect(items('Department coverage')).toEqual(['Engaged', 'White space', 'Competitor']);
  expect(items('Links')).toEqual(['Reports to', 'Influencesthicker = stronger', 'Conflict']);
  // The line sample is drawn with the link kind's own dash and an arrow.
  const influences = within(section('Links')!).getAllByRole('listitem')[1];
  expect(influences.querySelector('svg line')!.getAttribute('stroke-dasharray')).toBe('9 6');
  expect(influences.querySelector('svg path')).not.toBeNull();

  const marks = items('Marks');
  expect(marks.some((m) => m?.includes('Influence'))).toBe(true);
  expect(marks.some((m) => m?.includes('Placeholder'))).toBe(false);
  expect(marks.some((m) => m?.includes('Left the company'))).toBe(false);
  for (const unused of ['Supporter', 'Skeptic', 'Coverage unknown', 'Ally', 'Dotted line']) expect(screen.queryByText(unused)).toBeNull();
});

test('coverage swatches use the canvas patterns, and placeholder and leaving marks appear when used', () => {
  const map = smallMap();
  map.stakeholders.stk_buyer = { ...map.stakeholders.stk_buyer, placeholder: true };
  map.stakeholders.stk_cio = { ...map.stakeholders.stk_cio, leftCompany: true };
  const { container } = render(<LegendContent map={map} />);

  const competitor = within(section('Department coverage')!).getByText('Competitor').closest('li')!;
  const swatch = competitor.querySelector<HTMLElement>('.pm-legend__swatch')!;
  expect(swatch.style.borderStyle).toBe(COVERAGE_LOOK.competitor.borderStyle);
  expect(swatch.style.background).toContain('repeating-linear-gradient');
  expect(screen.getByText('Placeholder: a seat we still have to find')).toBeInTheDocument();
  expect(screen.getByText('Left the company')).toBeInTheDocument();
  // One line sample per link kind on the map, and no other drawing.
  expect(container.querySelectorAll('svg')).toHaveLength(3);
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
  expect(screen.queryByText('Skeptic')).toBeNull();

  const map = smallMap();
  map.stakeholders.stk_extra = newStakeholder({ id: 'stk_extra', name: 'Eve', stance: 'skeptic' });
  act(() => openMap(map));
  expect(screen.getByText('Skeptic')).toBeInTheDocument();
});
