/**
 * One problem in a scenario, at the JSON path of its field (e.g. `region.segments[2].share`).
 * `code` names the kind of problem for a reader that renders its own text (the schema library's
 * issue codes, or one of this project's: `shape`, `json`, `version`, `correlation`, `formula`);
 * `params` holds the numbers and names the message was made from. `message` is the English text
 * the CLI prints and the interface translates.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(file)' : out;
}

export function formatErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
