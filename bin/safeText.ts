/**
 * Text from a scenario file (titles, names, paths, messages that quote it) as the terminal may
 * show it: control characters (C0, DEL, C1: ESC sequences, OSC 52 clipboard writes, title
 * changes, screen clears) and bidirectional overrides are written as \u escapes, never sent raw.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** For whole messages: keeps line breaks and tabs (the runner's own layout), escapes the rest. */
export const printable = (s: string): string => s.replace(CONTROL, escape);

/** For one field inside a line: line breaks escaped too, so a title cannot fake further lines. */
export const oneLine = (s: string): string => s.replace(CONTROL_OR_BREAK, escape);
