import { createEffect, ErrorBoundary, on, type JSX } from 'solid-js';
import { tw } from '../workspace/texts';

/**
 * A view that throws while drawing shows why in its place instead of taking the page down, and
 * draws again when `retryOn` changes (the next run's results).
 */
export function ViewGuard(props: { retryOn: () => unknown; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(err, reset) => {
        createEffect(on(props.retryOn, () => reset(), { defer: true }));
        return (
          <p class="error-box" role="alert" data-testid="view-error">
            {tw('viewFailed', { e: err instanceof Error ? err.message : String(err) })}
          </p>
        );
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
