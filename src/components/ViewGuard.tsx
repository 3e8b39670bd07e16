import { createEffect, createRenderEffect, ErrorBoundary, on, type JSX } from 'solid-js';
import { tw } from '../workspace/texts';
import { viewFault } from '../testHook';

/**
 * Where the end-to-end tests can make a guarded view fail: it throws as a view would on the
 * results it is handed, when it is first drawn and on every new result after.
 */
function FaultPoint(props: { name: string; retryOn: () => unknown }) {
  createRenderEffect(() => {
    props.retryOn();
    viewFault(props.name);
  });
  return null;
}

/**
 * A view that throws while drawing shows why in its place instead of taking the page down, and
 * draws again when `retryOn` changes (the next run's results). `name` says which view failed.
 */
export function ViewGuard(props: { name: string; retryOn: () => unknown; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(err, reset) => {
        createEffect(on(props.retryOn, () => reset(), { defer: true }));
        return (
          <p class="error-box" role="alert" data-testid="view-error" data-view={props.name}>
            {tw('viewFailed', { e: err instanceof Error ? err.message : String(err) })}
          </p>
        );
      }}
    >
      <FaultPoint name={props.name} retryOn={props.retryOn} />
      {props.children}
    </ErrorBoundary>
  );
}
