// The import, the exports and the handover brief in other languages: the brief's headings and
// counts in Russian and Polish take the plural form the number needs (1 / 3 / 5 / 21 read
// differently), and the import's report, its notes and its reasons for rows left out read in
// Romanian, made by the same code that runs in the import worker.
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSampleAccountMap } from '../../../src/domain/sample';
import { setLanguage, t } from '../../../src/i18n';
import { briefHtml, briefMarkdown } from '../../../src/io/brief';
import { buildImport, parseCsv } from '../../../src/io/csv-import';
import { summarise } from '../../../src/io/csv-import/job';
import { renderMapSvg } from '../../../src/io/map-svg';
import { CsvImportReport } from '../../../src/panels/CsvImportReport';

const now = new Date('2026-11-22T09:00:00.000Z');
const sample = createSampleAccountMap(now.toISOString());
const headings = (markdown: string) => [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
const summary = (markdown: string) => markdown.slice(markdown.indexOf('\n- ') + 1, markdown.indexOf('\n\n##', markdown.indexOf('\n- ')));

afterEach(cleanup);
afterAll(() => setLanguage('en'));

describe('the handover brief', () => {
  it('in Russian: translated headings, and each count in the form its number takes', async () => {
    await setLanguage('ru');
    const markdown = briefMarkdown(sample, { now });
    expect(markdown.startsWith('# Nordwind Logistics AG: справка для передачи, 22 ноября 2026 г.\n')).toBe(true);
    expect(headings(markdown)).toEqual([
      'Сводка',
      'ЛПР и распорядители бюджета',
      'Чемпионы',
      'Противники',
      'Риски',
      'Белые пятна и конкуренты',
      'Ушедшие',
      'Наша команда',
    ]);
    const lines = summary(markdown);
    // 21 → one's ending in Russian ("21 человек"), 2 → few, 6 → many, 1 → one.
    expect(lines).toContain('На карте 21 человек: 2 чемпиона, 6 сторонников, 6 нейтральных, 3 скептика, 1 противник');
    expect(lines).toContain('15 рисков: 5 высоких, 6 средних и 4 низких.');
    expect(lines).toContain('1 человек ушёл из компании.');
    expect(markdown).toContain('(35 дней назад)');
    expect([1, 3, 5, 21].map((count) => t('brief.daysAgo', { date: 'x', count }))).toEqual(['x (1 день назад)', 'x (3 дня назад)', 'x (5 дней назад)', 'x (21 день назад)']);
    const page = new DOMParser().parseFromString(briefHtml(sample, { now }), 'text/html');
    expect(page.documentElement.lang).toBe('ru');
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent)[0]).toBe('Сводка');
    expect(page.body.textContent).not.toMatch(/\b(Summary|Champions|Blockers|Risks|Owner|Stance|days ago)\b/);
  });

  it('in Polish: translated headings, and 1 / 2–4 / 5+ / 22 in their own forms', async () => {
    await setLanguage('pl');
    const markdown = briefMarkdown(sample, { now, teamName: 'Acme' });
    expect(markdown.startsWith('# Nordwind Logistics AG: notatka przekazania, 22 listopada 2026\n')).toBe(true);
    expect(headings(markdown)).toEqual([
      'Podsumowanie',
      'Decydenci i dysponenci budżetu',
      'Orędownicy',
      'Przeciwnicy',
      'Ryzyka',
      'Białe plamy i konkurencja',
      'Osoby, które odeszły',
      'Nasz zespół: Acme',
    ]);
    const lines = summary(markdown);
    expect(lines).toContain('21 osób na mapie: 2 orędowników, 6 zwolenników, 6 neutralnych, 3 sceptyków, 1 przeciwnik');
    expect(lines).toContain('15 ryzyk: 5 wysokich, 6 średnich i 4 niskie.');
    expect(lines).toContain('1 osoba odeszła z firmy.');
    expect(markdown).toContain('(35 dni temu)');
    expect([1, 2, 5, 22].map((count) => t('brief.summary.risks', { count, severities: '…' }))).toEqual(['1 ryzyko: ….', '2 ryzyka: ….', '5 ryzyk: ….', '22 ryzyka: ….']);
  });
});

describe('the exported picture', () => {
  it('in Greek: the subtitle and the legend are Greek, the names as they were typed', async () => {
    await setLanguage('el');
    const { svg } = renderMapSvg(sample, { include: null, background: 'white', fontCss: '', date: '22 Νοεμβρίου 2026' });
    expect(svg).toContain('Χάρτης λογαριασμού · 22 Νοεμβρίου 2026 · 24 εμπλεκόμενοι');
    for (const word of ['>ΣΤΑΣΗ<', '>ΡΟΛΟΣ ΣΤΗΝ ΑΓΟΡΑ<', '>Υπέρμαχος<', '>Πολέμιος<', '>Αναφέρεται σε<', '>Ανταγωνιστής: Transvoy<']) expect(svg).toContain(word);
    expect(svg).not.toMatch(/>(STANCE|Champion|Reports to|Account map)/);
    for (const person of Object.values(sample.stakeholders)) expect(svg).toContain(person.name.replace(/&/g, '&amp;'));
  });
});

describe('the import report', () => {
  it('in Romanian: counts, notes and the reasons rows were left out', async () => {
    await setLanguage('ro');
    const csv = ['First Name,Last Name,Email,Title,Reports To', 'Ana,Popescu,ana@x.ro,CEO,', ',,orders@x.ro,,', ',,,Director,', 'Ion,Ionescu,ion@x.ro,CFO,Maria Pop'].join('\n');
    const parsed = parseCsv(csv);
    const result = buildImport(parsed, parsed.mapping);
    render(<CsvImportReport summary={summarise(result)} mapName="Client SA" newMapId="map_1" maps={1} onClose={() => undefined} onOpen={() => undefined} />);
    screen.getByText('Au fost importați 2 stakeholderi și 0 legături de raportare în „Client SA”.');
    screen.getByText('2 rânduri nu au putut fi importate:');
    screen.getByText('Linia 3: Doar o adresă de e-mail (orders@x.ro): o căsuță poștală, nu o persoană cu nume.');
    screen.getByText('Linia 4: Fără nume: rândul nu are nici nume complet, nici prenume sau nume de familie.');
    screen.getByText('Managerul „Maria Pop” nu este în fișier (linia 5): nicio legătură de raportare.');
    screen.getByRole('list', { name: 'Note despre import' });
    screen.getByRole('button', { name: 'Deschide harta' });
  });
});
