import { createSignal, Show } from 'solid-js';
import { t, lang } from '../i18n';
import type { Workspace } from '../workspace/store';
import { download, fileNameFor, scenarioFileText, shareUrl } from '../workspace/io';
import type { ResultsSummary } from '../../models/summary/resultsSummary';

/**
 * Scenario file actions: download (optionally with a summary of the results of this scenario's
 * last complete run), open (also by drag-and-drop, see App), share link, reset.
 */
export function Toolbar(props: { ws: Workspace; onFile: (f: File) => void; results: () => ResultsSummary | null; onReset: () => void }) {
  let input!: HTMLInputElement;
  const [note, setNote] = createSignal<string | null>(null);
  const [withResults, setWithResults] = createSignal(false);
  const exportFile = () => {
    const s = props.ws.snapshot();
    download(fileNameFor(s, 'json'), scenarioFileText(s, withResults() ? props.results() : null), 'application/json');
  };
  const flash = (s: string) => {
    setNote(s);
    setTimeout(() => setNote(null), 4000);
  };
  return (
    <div class="toolbar" role="toolbar" aria-label={t('scenario')}>
      <span class="export-group">
        <button type="button" data-testid="export-scenario" onClick={exportFile} aria-describedby="with-results-hint">
          ⤓ {t('exportScenario')}
        </button>
        <label class="check small">
          <input
            type="checkbox"
            data-testid="export-with-results"
            checked={withResults() && props.results() !== null}
            disabled={props.results() === null}
            onChange={(e) => setWithResults(e.currentTarget.checked)}
          />
          {t('withResults')}
        </label>
        <span id="with-results-hint" class="muted small" hidden={props.results() !== null}>
          ({t('withResultsUnavailable')})
        </span>
      </span>
      <button type="button" data-testid="import-scenario" onClick={() => input.click()}>
        ⤒ {t('importScenario')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        class="sr-only"
        tabindex="-1"
        aria-hidden="true"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) props.onFile(f);
          e.currentTarget.value = '';
        }}
      />
      <button
        type="button"
        data-testid="share-link"
        onClick={async () => {
          const url = shareUrl(props.ws.snapshot());
          history.replaceState(null, '', url);
          try {
            await navigator.clipboard.writeText(url);
          } catch {
            // clipboard may be refused; the link is in the address bar
          }
          flash(t('linkCopied'));
        }}
      >
        {t('shareLink')}
      </button>
      <button type="button" data-testid="reset-scenario" onClick={() => props.onReset()}>
        ↺ {t('resetScenario')}
      </button>
      <span class="muted small">{t('dropHint')}</span>
      <Show when={note()}>
        <span class="note" role="status">
          {note()}
        </span>
      </Show>
      <span class="sr-only" aria-hidden="true">
        {lang()}
      </span>
    </div>
  );
}
