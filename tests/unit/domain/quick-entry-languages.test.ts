// Quick entry reads its tags in every language the interface speaks, whatever language is shown:
// a scribe in Bucharest and one in Warsaw type the same line in their own words. Case and accents
// do not matter; English keeps working exactly as before.
import { describe, expect, it } from 'vitest';
import { parseLinkEntry, parseQuickEntry, tagMeaning } from '../../../src/domain/quick-entry';
import { mapWith } from '../fixtures/maps';
import en from '../../../src/i18n/locales/en/quickEntryTags.json';
import ro from '../../../src/i18n/locales/ro/quickEntryTags.json';
import el from '../../../src/i18n/locales/el/quickEntryTags.json';
import ru from '../../../src/i18n/locales/ru/quickEntryTags.json';
import pl from '../../../src/i18n/locales/pl/quickEntryTags.json';

const map = mapWith({
  departments: [{ id: 'dep_fin', name: 'Finance' }],
  stakeholders: [
    { id: 'anna', name: 'Anna Berg' },
    { id: 'boris', name: 'Boris Ivanov' },
  ],
});

const person = (line: string) => {
  const { roles, stance, influence, placeholder, unknownTags } = parseQuickEntry(line, map);
  return { roles, stance, influence, placeholder, unknownTags };
};

describe('quick-entry tags in every language', () => {
  it('Romanian: #campion, #factor-de-decizie, #opozant, #mare, #post, and links #raportează-la', () => {
    expect(person('Ion Pop #factor-de-decizie #campion #mare')).toEqual({ roles: ['decision-maker'], stance: 'champion', influence: 'high', placeholder: false, unknownTags: [] });
    expect(person('Ana #deținător-de-buget #opozant #post')).toMatchObject({ roles: ['economic-buyer'], stance: 'blocker', placeholder: true });
    expect(person('Ana #CAMPION').stance).toBe('champion');
    // Without its diacritics, as typed on a keyboard without them.
    expect(person('Ana #sustinator #filtru-de-acces')).toMatchObject({ stance: 'supporter', roles: ['gatekeeper'] });
    expect(parseLinkEntry('Anna > Boris #raporteaza-la', map)?.kind).toBe('reports-to');
    expect(parseLinkEntry('Anna > Boris #aliat', map)?.kind).toBe('ally');
  });

  it('Greek: #υπέρμαχος, #αποφασίζων, #πολέμιος, with or without accents and in capitals', () => {
    expect(person('Νίκος #αποφασίζων #υπέρμαχος #υψηλή')).toEqual({ roles: ['decision-maker'], stance: 'champion', influence: 'high', placeholder: false, unknownTags: [] });
    expect(person('Νίκος #ΥΠΕΡΜΑΧΟΣ').stance).toBe('champion');
    expect(person('Νίκος #πολεμιος #κάτοχος-προϋπολογισμού')).toMatchObject({ stance: 'blocker', roles: ['economic-buyer'] });
    expect(parseLinkEntry('Anna > Boris #αναφέρεται-σε', map)?.kind).toBe('reports-to');
    expect(parseLinkEntry('Anna > Boris #σύγκρουση', map)?.kind).toBe('conflict');
  });

  it('Russian: #чемпион, #лпр, #противник, #вакансия, and links #подчиняется', () => {
    expect(person('Мария Иванова, CFO #лпр #чемпион #высокое')).toEqual({ roles: ['decision-maker'], stance: 'champion', influence: 'high', placeholder: false, unknownTags: [] });
    expect(person('Олег #Противник #распорядитель-бюджета #вакансия')).toMatchObject({ stance: 'blocker', roles: ['economic-buyer'], placeholder: true });
    expect(person('Олег #ЛПР').roles).toEqual(['decision-maker']);
    expect(parseLinkEntry('Anna > Boris #подчиняется', map)?.kind).toBe('reports-to');
    expect(parseLinkEntry('Anna > Boris #влияет-на', map)?.kind).toBe('influences');
  });

  it('Polish: #orędownik, #decydent, #przeciwnik, #wakat, and links #podlega, also without Polish letters', () => {
    expect(person('Maria Nowak #decydent #orędownik #wysoki')).toEqual({ roles: ['decision-maker'], stance: 'champion', influence: 'high', placeholder: false, unknownTags: [] });
    expect(person('Jan #oredownik').stance).toBe('champion');
    expect(person('Jan #przeciwnik #strażnik-dostępu #wakat')).toMatchObject({ stance: 'blocker', roles: ['gatekeeper'], placeholder: true });
    expect(parseLinkEntry('Anna > Boris #podlega', map)?.kind).toBe('reports-to');
    expect(parseLinkEntry('Anna > Boris #podleglosc-funkcjonalna', map)?.kind).toBe('dotted-line');
  });

  it('English: every tag it took before still means the same, and a word of no language is still reported', () => {
    expect(person('Maria #decision-maker #dm #eb #champion #high #seat')).toEqual({ roles: ['decision-maker', 'economic-buyer'], stance: 'champion', influence: 'high', placeholder: true, unknownTags: [] });
    expect(person('Maria #vip #чемпионка').unknownTags).toEqual(['#vip', '#чемпионка']);
    expect(parseLinkEntry('Anna > Boris #reports-to', map)?.kind).toBe('reports-to');
  });

  it('a department\'s coverage: #white-space, #белое-пятно, #biała-plama, #pată-albă, #ανεκμετάλλευτο; without @department it is reported', () => {
    for (const tag of ['#white-space', '#белое-пятно', '#Biała-Plama', '#pata-alba', '#ανεκμετάλλευτο']) {
      expect(parseQuickEntry(`Ada @Finance ${tag}`, map), tag).toMatchObject({ departmentId: 'dep_fin', coverage: 'white-space', unknownTags: [] });
    }
    expect(parseQuickEntry('Ada @Logistik #у-конкурента', map)).toMatchObject({ departmentName: 'Logistik', departmentId: null, coverage: 'competitor' });
    expect(parseQuickEntry('Ada #engaged', map)).toMatchObject({ coverage: null, unknownTags: ['#engaged'] });
  });

  it('no word means two different things across the languages', () => {
    // Built from the catalogues; a clash would make one language's tag silently mean another's.
    const seen = new Map<string, string>();
    for (const [language, words] of Object.entries({ en, ro, el, ru, pl })) {
      for (const [meaning, list] of Object.entries(words)) {
        for (const word of list.split(/\s+/)) {
          expect(tagMeaning(word), `${language} #${word}`).toBe(meaning);
          seen.set(word, meaning);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(100);
  });
});
