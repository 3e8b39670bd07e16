import { textOf } from '../i18n';
import { bothTexts } from '../../models/scenario/localText';
import type { SavedScenario } from './persist';

/**
 * The name a kept scenario shows: the name the user gave it, or, when it was named after its
 * scenario's title (the default), that title in the interface language, so a title written in
 * both languages follows the language switch.
 */
export function savedName(s: Pick<SavedScenario, 'name' | 'scenario'>): string {
  const title = s.scenario?.meta?.title;
  const both = bothTexts(title);
  return typeof title === 'object' && title !== null && (s.name === both.nl || s.name === both.en) ? textOf(title) : s.name;
}
