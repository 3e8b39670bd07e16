import { createSignal } from 'solid-js';
import { lang, t } from '../i18n';
import type { Summary } from '../../models/summary/summarize';
import type { ScenarioInput } from '../workspace/store';
import { download, fileNameFor } from '../workspace/io';
import { saveBlob } from '../charts/png';
import { resultTables, tablesCsv, tablesXlsx } from './tables';
import { saveChartSet } from './pngSet';
import { rt } from './texts';

/** The hand-outs of a finished run: tables for Excel (CSV, .xlsx) and every chart as a picture. */
export function ExportButtons(props: { summary: Summary; input: ScenarioInput; partial: boolean }) {
  const [busy, setBusy] = createSignal(false);
  const title = () => (props.partial ? t('exportAfterRun') : undefined);
  const guarded = (f: () => Promise<unknown>) => async () => {
    if (busy()) return;
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        data-testid="export-csv"
        disabled={props.partial}
        title={title()}
        onClick={() => download(fileNameFor(props.input, 'csv'), tablesCsv(resultTables(props.summary, lang()), lang()), 'text/csv;charset=utf-8')}
      >
        ⤓ {t('exportCsv')}
      </button>
      <button
        type="button"
        data-testid="export-xlsx"
        disabled={props.partial || busy()}
        title={title()}
        onClick={guarded(async () => saveBlob(await tablesXlsx(resultTables(props.summary, lang())), fileNameFor(props.input, 'xlsx')))}
      >
        ⤓ {rt('exportXlsx')}
      </button>
      <button type="button" data-testid="export-png-set" disabled={props.partial || busy()} title={title()} onClick={guarded(() => saveChartSet(fileNameFor(props.input, 'png.zip')))}>
        ⤓ {rt('exportPngSet')}
      </button>
    </>
  );
}
