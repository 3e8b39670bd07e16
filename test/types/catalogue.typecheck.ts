/**
 * Type-level checks of the interface catalogue, run by `npm run typecheck`: an entry without one
 * of its languages, and an issue code without its texts, fail the type check. Each
 * `@ts-expect-error` below must find an error.
 */
import type { Entry } from '../../src/texts/catalogue';
import { ISSUE_TEXTS, type IssueTexts } from '../../src/texts/issues';

// The catalogue as it is: complete.
export const issueTexts: IssueTexts = ISSUE_TEXTS;

// An entry with only its English text.
// @ts-expect-error: 'nl' is missing
export const onlyEnglish: Entry = { en: 'Run' };

// An issue code whose Dutch text was removed.
const { corrSelf, ...rest } = ISSUE_TEXTS;
// @ts-expect-error: 'corrSelf' has no texts
export const withoutCorrSelf: IssueTexts = rest;
// @ts-expect-error: 'nl' is missing for 'corrSelf'
export const withoutDutch: IssueTexts = { ...rest, corrSelf: { en: corrSelf.en } };
