import { createSignal, Show } from 'solid-js';
import { t, lang } from '../i18n';
import type { Workspace } from '../workspace/store';
import { DEFAULT_SCENARIO } from '../workspace/store';
import { download, fileNameFor, scenarioFileText, shareUrl } from '../workspace/io';

/** Scenario file actions: download, open (also by drag-and-drop, see App), share link, reset. */
export function Toolbar(props: { ws: Workspace; onFile: (f: File) => void }) {
  let input!: HTMLInputElement;
  const [note, setNote] = createSignal<string | null>(null);
  const flash = (s: string) => {
    setNote(s);
    setTimeout(() => setNote(null), 4000);
  };
  return (
    <div class="toolbar" role="toolbar" aria-label={t('scenario')}>
      <button type="button" data-testid="export-scenario" onClick={() => download(fileNameFor(props.ws.snapshot(), 'json'), scenarioFileText(props.ws.snapshot()), 'application/json')}>
        ⤓ {t('exportScenario')}
      </button>
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
      <button type="button" data-testid="reset-scenario" onClick={() => props.ws.replace(DEFAULT_SCENARIO)}>
        ↺ {t('resetScenario')}
      </button>
      <span class="muted small">{t('dropHint')}</span>
      <Show when={note()}>
        <span class="note" role="status">{note()}</span>
      </Show>
      <span class="sr-only">{lang()}</span>
    </div>
  );
}
