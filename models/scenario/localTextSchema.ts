import { z } from 'zod';
import { refineIssue } from './issue';

/**
 * The schema of a text field of at most `max` characters per language. Each language is checked
 * as a plain text field is (length), so a bilingual field is no way around a limit.
 */
export function localTextSchema(max: number) {
  return z.union([
    z.string().max(max),
    z
      .strictObject({ nl: z.string().max(max).optional(), en: z.string().max(max).optional() })
      .refine((o) => o.nl !== undefined || o.en !== undefined, refineIssue('textLanguage', {}))
      .describe('The same text in Dutch and English; a missing language shows the other.'),
  ]);
}
