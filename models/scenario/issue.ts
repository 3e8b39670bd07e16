import { ISSUE_EN, type Issue, type IssueCode, type IssueParams } from '../core/issues';

/** The form of an item's id (letters, digits, _ and -, at most 64). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A SHA-256 digest in lower-case hexadecimal. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** What a zod refinement context offers (structural, so that any refinement's `ctx` fits). */
interface Ctx {
  addIssue(issue: { code: 'custom'; path?: PropertyKey[]; message?: string; params?: Record<string, unknown> }): void;
}

/**
 * Adds a rule's issue to a zod refinement: the English text as zod's message, the code and
 * params where the scenario's validator (validate.ts) reads them back.
 */
export function addIssue<C extends IssueCode>(ctx: Ctx, path: PropertyKey[], code: C, params: IssueParams[C]): void {
  ctx.addIssue({ code: 'custom', path, message: ISSUE_EN[code](params), params: { issue: { code, params } } });
}

/** The refinement options (for `.refine(check, …)`) that report `code`. */
export function refineIssue<C extends IssueCode>(code: C, params: IssueParams[C]): { message: string; params: { issue: Omit<Issue, 'path'> } } {
  return { message: ISSUE_EN[code](params), params: { issue: { code, params } as Omit<Issue, 'path'> } };
}

/** The issue a custom zod issue carries, when it was made by `addIssue` or `refineIssue`. */
export function carriedIssue(params: unknown): Omit<Issue, 'path'> | undefined {
  const i = (params as { issue?: unknown } | undefined)?.issue;
  return i && typeof i === 'object' && typeof (i as { code?: unknown }).code === 'string' && (i as { code: string }).code in ISSUE_EN ? (i as Omit<Issue, 'path'>) : undefined;
}
