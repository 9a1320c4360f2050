// The words of the looks (a stance's label, a link's description) are read once per language and
// kept: they must still follow a change of language, and a catalogue added for the language shown.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLanguage, t } from '../../../src/i18n';
import { LINK_LOOK, ROLE_LOOK, STANCE_LOOK } from '../../../src/drawing/appearance';

describe('the looks’ words', () => {
  afterEach(async () => {
    await setLanguage('en');
  });

  it('follow a change of language, and come back with it', async () => {
    const english = STANCE_LOOK.champion.label;
    expect(english).toBe(t('legend.stance.champion'));
    const role = ROLE_LOOK['decision-maker'].label;
    const link = LINK_LOOK.influences.description;

    await setLanguage('pl');
    expect(STANCE_LOOK.champion.label).toBe(t('legend.stance.champion'));
    expect(STANCE_LOOK.champion.label).not.toBe(english);
    expect(ROLE_LOOK['decision-maker'].label).not.toBe(role);
    expect(LINK_LOOK.influences.description).not.toBe(link);

    await setLanguage('en');
    expect(STANCE_LOOK.champion.label).toBe(english);
    expect(ROLE_LOOK['decision-maker'].label).toBe(role);
  });

  it('follow a catalogue added for the language shown', () => {
    const before = STANCE_LOOK.blocker.label;
    const catalogue = structuredClone(i18n.getResourceBundle('en', 'translation'));
    try {
      i18n.addResourceBundle('en', 'translation', { legend: { stance: { blocker: 'Roadblock' } } }, true, true);
      expect(STANCE_LOOK.blocker.label).toBe('Roadblock');
    } finally {
      i18n.addResourceBundle('en', 'translation', catalogue, true, true);
    }
    expect(STANCE_LOOK.blocker.label).toBe(before);
  });
});
