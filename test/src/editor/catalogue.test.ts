import { describe, expect, it } from 'vitest';
import { tIn } from '../../../src/i18n';
import { render } from '../../../src/texts/catalogue';
import { textFormat } from '../../../src/texts/format';

describe('the interface catalogue', () => {
  it('writes one and many in the right form, in both languages', () => {
    expect(tIn('runWhyErrors', 'nl', { n: 1 })).toBe('Doorrekenen kan niet: 1 invoer klopt niet (zie de lijst links).');
    expect(tIn('runWhyErrors', 'nl', { n: 2 })).toBe('Doorrekenen kan niet: 2 invoeren kloppen niet (zie de lijst links).');
    expect(tIn('runWhyErrors', 'en', { n: 1 })).toBe('Cannot run: 1 value is not valid (see the list on the left).');
    expect(tIn('runWhyErrors', 'en', { n: 3 })).toBe('Cannot run: 3 values are not valid (see the list on the left).');
    expect(tIn('importFailed', 'nl', { f: 'a.json', n: 1 })).toBe('"a.json" is niet geopend: het bevat 1 fout. Uw werk is ongewijzigd.');
    expect(tIn('importFailed', 'en', { f: 'a.json', n: 12 })).toBe('"a.json" was not opened: it has 12 errors. Your work is unchanged.');
    expect(tIn('invalidSummary', 'nl', { n: 1 })).toMatch(/^1 invoer klopt niet\. Doorrekenen kan pas als die is opgelost;/);
    expect(tIn('invalidSummary', 'en', { n: 2 })).toMatch(/^2 values are not valid\. The scenario can run once they are fixed;/);
  });

  it('writes counts in the language’s notation', () => {
    expect(tIn('runWhyErrors', 'nl', { n: 1200 })).toContain('1.200 invoeren');
    expect(tIn('runWhyErrors', 'en', { n: 1200 })).toContain('1,200 values');
    expect(textFormat('nl').num(0.25)).toBe('0,25');
    expect(textFormat('en').num(170000)).toBe('170,000');
  });

  it('fills placeholders of a plain text as before', () => {
    expect(render({ nl: '{n} van {m}', en: '{n} of {m}' }, 'en', { n: 2, m: 3 })).toBe('2 of 3');
  });
});
