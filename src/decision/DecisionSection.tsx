import type { RunController, RunOutcome } from '../run/controller';
import { Later } from '../components/Later';
import { financingOf } from '../charts/financeShape';
import { GoalPanel } from './GoalPanel';
import { DesignPanel } from './DesignPanel';
import { ShapleyPanel } from './FairPanels';
import { VarianceView } from './VarianceView';
import { td } from './texts';
import { textOf } from '../i18n';

/** Issue 6's views for a finished run: chance or not knowing, and what it takes (goal search). */
export function DecisionSection(props: { ctl: RunController; outcome: RunOutcome; onAddContract?: (contract: Record<string, unknown>) => string }) {
  const modelNames = () => Object.fromEntries((financingOf(props.outcome.summary)?.models ?? []).map((m) => [m.id, textOf(m.name)]));
  return (
    <section class="decision-section" aria-labelledby="decision-title" data-testid="decision-section">
      <h2 id="decision-title">{td('decisionTitle')}</h2>
      <Later delayMs={120}>
        <VarianceView summary={props.outcome.summary} modelNames={modelNames()} />
      </Later>
      <GoalPanel ctl={props.ctl} input={props.outcome.input} target={props.outcome.summary.target} />
      <DesignPanel input={props.outcome.input} onAdd={props.onAddContract} stored={props.ctl.keptRuns} />
      <ShapleyPanel input={props.outcome.input} summary={props.outcome.summary} />
    </section>
  );
}
