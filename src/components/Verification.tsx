import { For, Show } from 'solid-js';
import embedded from 'virtual:verification';
import { CHECK_IDS, type CheckRecord, type CheckRow, type Criterion, type VerificationReport } from '../../models/verification';
import { lang, translator } from '../i18n';
import { render } from '../texts/catalogue';
import { CHECKS, VERIFICATION_TEXTS } from './verificationTexts';
import { euro, num, pct, significant } from '../format';

const report = embedded as VerificationReport;

const tx = translator(VERIFICATION_TEXTS).get;

function value(x: number | null, row: CheckRow): string {
  if (x === null) return tx('none');
  switch (row.unit) {
    case 'euro':
      return euro(x);
    case 'fraction':
      return pct(x, 2);
    case 'count':
      return num(x);
    default:
      return significant(x, 5);
  }
}

function criterion(c: Criterion, row: CheckRow): string {
  const nl = lang() === 'nl';
  switch (c.kind) {
    case 'within':
      return nl ? `|verschil| ≤ ${value(c.tolerance, row)}${c.ses ? ` (${c.ses} × MC-fout)` : ''}` : `|difference| ≤ ${value(c.tolerance, row)}${c.ses ? ` (${c.ses} × MC error)` : ''}`;
    case 'ks':
      return `KS: D = ${significant(c.d, 3)}, p = ${significant(c.p, 3)} > ${significant(c.alpha, 1)}`;
    case 'equal':
      return nl ? 'precies gelijk (aantal verschillende getallen)' : 'exactly equal (count of differing numbers)';
    case 'relative':
      return nl ? `relatief verschil ≤ ${significant(c.tolerance, 1)}` : `relative difference ≤ ${significant(c.tolerance, 1)}`;
  }
}

const short = (commit: string) => commit.slice(0, 10);
const when = (iso: string) => new Date(iso).toLocaleString(lang() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function CheckFigures(props: { rec: CheckRecord }) {
  return (
    <>
      <table class="data verification-table">
        <thead>
          <tr>
            <th scope="col">{tx('row')}</th>
            <th scope="col">{tx('reference')}</th>
            <th scope="col">{tx('result')}</th>
            <th scope="col">{tx('mcse')}</th>
            <th scope="col">{tx('criterion')}</th>
            <th scope="col">{tx('verdict')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rec.rows}>
            {(r) => (
              <tr data-testid="verification-row" data-pass={String(r.pass)}>
                <th scope="row">{render(r.label, lang())}</th>
                <td>{value(r.reference, r)}</td>
                <td>{value(r.result, r)}</td>
                <td>{value(r.mcse, r)}</td>
                <td>{criterion(r.criterion, r)}</td>
                <td class={r.pass ? 'ok' : 'bad'}>{r.pass ? tx('pass') : tx('fail')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="muted">
        {tx('measured')} {when(props.rec.measuredAt)} {tx('onCommit')} <code data-testid="verification-check-commit">{short(props.rec.commit)}</code>
        {props.rec.dirty ? ` (${tx('uncommitted')})` : ''}
        {props.rec.commit !== report.buildCommit ? ` — ${tx('earlier')}` : ''} · {props.rec.environment} · {tx('test')}: <code>{props.rec.test}</code>
      </p>
    </>
  );
}

/** The page "How do we know it is right?": the checks, in plain words, with the last run's figures. */
export default function Verification(props: { onClose: () => void }) {
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  return (
    <section class="verification-page" data-testid="verification-page" aria-labelledby="verification-title">
      <p>
        <a
          href="#"
          data-testid="verification-back"
          onClick={(e) => {
            e.preventDefault();
            props.onClose();
          }}
        >
          {tx('back')}
        </a>
      </p>
      <h2 id="verification-title">{tx('title')}</h2>
      <p>{tx('intro')}</p>
      <p data-testid="verification-build">
        {tx('build')} <code data-testid="verification-commit">{short(report.buildCommit)}</code>
        {report.buildDirty ? ` (${tx('uncommitted')})` : ''} · {when(report.builtAt)}
      </p>
      <For each={[...CHECK_IDS]}>
        {(id) => {
          const rec = byId.get(id);
          return (
            <article class="card verification-check" data-testid="verification-check" data-id={id} data-verdict={rec?.verdict ?? 'not-measured'}>
              <h3>
                {render(CHECKS[id].title, lang())} <span class={rec ? (rec.verdict === 'pass' ? 'ok' : 'bad') : 'muted'}>{rec ? (rec.verdict === 'pass' ? tx('pass') : tx('fail')) : ''}</span>
              </h3>
              <p>{render(CHECKS[id].what, lang())}</p>
              <p class="muted">{render(CHECKS[id].reference, lang())}</p>
              <Show
                when={rec}
                fallback={
                  <p class="muted" data-testid="verification-not-measured">
                    {tx('notMeasured')}
                  </p>
                }
              >
                {(r) => <CheckFigures rec={r()} />}
              </Show>
            </article>
          );
        }}
      </For>
    </section>
  );
}

/** The link to the page, for the footer. */
export const VERIFICATION_HASH = '#hoe-weten-we-dat-het-klopt';
export const verificationLinkText = (): string => tx('title');
