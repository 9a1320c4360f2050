// The editor in other languages: the insights count people with the plural form each number
// takes (Russian and Polish have three: 1, 3 and 5 read differently), and a card's accessible
// name and summary read as whole Greek sentences, redrawn when the language changes.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InsightsPanel } from '../../../src/panels/InsightsPanel';
import { projectNodes } from '../../../src/canvas/project';
import { stakeholderSummary } from '../../../src/domain/messages';
import { setLanguage, type Language } from '../../../src/i18n';
import { mapWith } from '../fixtures/maps';
import { openMap } from '../fixtures/store';

afterEach(async () => {
  cleanup();
  await setLanguage('en');
});

/** A map with `supporters` supporters and `blockers` blockers, each an influencer too. */
function crowd(supporters: number, blockers: number) {
  const people = [
    ...Array.from({ length: supporters }, (_, i) => ({ id: `stk_s${i}`, name: `Supporter ${i}`, stance: 'supporter' as const, roles: ['influencer' as const] })),
    ...Array.from({ length: blockers }, (_, i) => ({ id: `stk_b${i}`, name: `Blocker ${i}`, stance: 'blocker' as const })),
  ];
  return mapWith({ stakeholders: people });
}

async function chips(language: Language, count: number): Promise<string[]> {
  await act(() => setLanguage(language));
  openMap(crowd(count, count));
  render(<InsightsPanel />);
  const stance = screen.getAllByRole('list').find((list) => list.querySelector('.pm-insights__dot'))!;
  const roles = screen.getAllByRole('list').find((list) => list.querySelector('.pm-badge'))!;
  const texts = [...within(stance).getAllByRole('listitem'), ...within(roles).getAllByRole('listitem')].map((li) => li.textContent!.replace(/^(IN)?\s*/, '').trim());
  cleanup();
  return texts;
}

describe('insights count in the language chosen', () => {
  it('Russian: 1 сторонник, 3 сторонника, 5 сторонников', async () => {
    expect(await chips('ru', 1)).toEqual(['1 сторонник', '1 противник', '1 влиятельное лицо']);
    expect(await chips('ru', 3)).toEqual(['3 сторонника', '3 противника', '3 влиятельных лица']);
    expect(await chips('ru', 5)).toEqual(['5 сторонников', '5 противников', '5 влиятельных лиц']);
    expect(screen.queryByText(/supporter|blocker/i)).toBeNull();
  });

  it('Polish: 1 zwolennik, 3 zwolenników, 5 osób wpływowych', async () => {
    expect(await chips('pl', 1)).toEqual(['1 zwolennik', '1 przeciwnik', '1 osoba wpływowa']);
    expect(await chips('pl', 3)).toEqual(['3 zwolenników', '3 przeciwników', '3 osoby wpływowe']);
    expect(await chips('pl', 5)).toEqual(['5 zwolenników', '5 przeciwników', '5 osób wpływowych']);
  });

  it('English no longer says "4 supporter"', async () => {
    expect(await chips('en', 4)).toEqual(['4 supporters', '4 blockers', '4 influencers']);
    expect(await chips('en', 1)).toEqual(['1 supporter', '1 blocker', '1 influencer']);
  });

  it('a risk is one Russian sentence with the number in its own form', async () => {
    await act(() => setLanguage('ru'));
    openMap(mapWith({ stakeholders: [{ id: 'stk_a', name: 'Анна', stance: 'blocker', influence: 'high', ownerId: null }] }));
    render(<InsightsPanel />);
    const risks = screen.getByRole('region', { name: 'Риски' });
    expect(within(risks).getByText('Анна — противник с высоким влиянием.')).toBeInTheDocument();
  });
});

describe('a card in Greek', () => {
  const map = () =>
    mapWith({
      departments: [{ id: 'dep_fin', name: 'Οικονομικά', coverage: 'white-space' }],
      stakeholders: [
        { id: 'stk_boss', name: 'Νίκος Παππάς', title: 'CEO' },
        { id: 'stk_anna', name: 'Άννα Μπέργκ', title: 'CFO', stance: 'champion', roles: ['decision-maker', 'economic-buyer'], departmentId: 'dep_fin' },
      ],
      links: [
        { id: 'lnk_1', kind: 'reports-to', sourceId: 'stk_anna', targetId: 'stk_boss' },
        { id: 'lnk_2', kind: 'ally', sourceId: 'stk_anna', targetId: 'stk_boss' },
      ],
    });

  it('reads its summary and its accessible name in Greek, and in English again after a switch back', async () => {
    await setLanguage('el');
    const anna = map().stakeholders.stk_anna;
    expect(stakeholderSummary(anna)).toBe('CFO, υπέρμαχος, αποφασίζων, κάτοχος προϋπολογισμού');
    const names = (m = map()) => new Map(projectNodes(m, new Set()).map((node) => [node.id, node.ariaLabel]));
    const shared = map();
    expect(names(shared).get('stk_anna')).toBe('Εμπλεκόμενος: Άννα Μπέργκ, CFO, υπέρμαχος, αποφασίζων, κάτοχος προϋπολογισμού, αναφέρεται σε Νίκος Παππάς, 2 συνδέσεις');
    expect(names(shared).get('dep_fin')).toBe('Τμήμα: Οικονομικά, ανεκμετάλλευτο, 1 άτομο');
    // The same records, projected again after a change of language: the cached nodes are renamed.
    await setLanguage('en');
    expect(names(shared).get('stk_anna')).toBe('Stakeholder: Άννα Μπέργκ, CFO, champion, decision-maker, economic buyer, reports to Νίκος Παππάς, 2 links');
  });
});
