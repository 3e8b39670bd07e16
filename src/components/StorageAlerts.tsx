import { Show } from 'solid-js';
import type { Workspace } from '../workspace/store';
import { download } from '../workspace/io';
import { tw } from '../workspace/texts';

/** Says at once when the browser refuses to keep the workspace, and when another tab edits it too. */
export function StorageAlerts(props: { ws: Workspace }) {
  const stamp = () => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return (
    <>
      <Show when={props.ws.saveFailure()}>
        {(f) => (
          <div class="banner error" role="alert" data-testid="save-failed">
            <strong>{tw('saveFailed')}</strong> {f().quota ? tw('saveFailedQuota') : ''} {tw('saveFailedAdvice')}{' '}
            <button type="button" class="mini" data-testid="download-workspace" onClick={() => download(`proeftuin-werkruimte-${stamp()}.json`, props.ws.fileText(), 'application/json')}>
              ⤓ {tw('downloadWorkspace')}
            </button>{' '}
            <button type="button" class="mini" data-testid="retry-save" onClick={() => void props.ws.saveNow()}>
              {tw('retrySave')}
            </button>
          </div>
        )}
      </Show>
      <Show when={props.ws.otherTab()}>
        <div class="banner warn" role="alert" data-testid="other-tab">
          {tw('otherTabEditing')}{' '}
          <button type="button" class="mini" onClick={() => props.ws.dismissOtherTab()}>
            ×
          </button>
        </div>
      </Show>
    </>
  );
}
