import * as Comlink from 'comlink';

/**
 * Comlink sends a thrown error across as its name, message and stack only; an engine error that
 * carries its problem as data (`issue`: code and params) would reach the page as English text,
 * which the interface cannot put into Dutch. This keeps `issue` with the error: the caller's
 * Comlink rebuilds the error with every field sent (its own deserialiser assigns them), so only
 * the worker side needs it.
 */
const builtin = Comlink.transferHandlers.get('throw')!;
Comlink.transferHandlers.set('throw', {
  canHandle: builtin.canHandle,
  serialize(thrown) {
    const [wire, transfer] = builtin.serialize(thrown);
    const error = (thrown as { value?: unknown }).value;
    const issue = error instanceof Error ? (error as { issue?: unknown }).issue : undefined;
    const value = (wire as { value?: unknown }).value;
    if (issue !== undefined && value && typeof value === 'object') (value as { issue?: unknown }).issue = structuredClone(issue);
    return [wire, transfer];
  },
  deserialize: builtin.deserialize,
});
