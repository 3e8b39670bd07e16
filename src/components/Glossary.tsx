import { For } from 'solid-js';
import { lang, t } from '../i18n';
import { render } from '../texts/catalogue';
import { GLOSSARY } from './glossaryTexts';

export function Glossary() {
  return (
    <details class="card glossary" data-testid="glossary">
      <summary>
        <h2>{t('glossary')}</h2>
      </summary>
      <dl>
        <For each={GLOSSARY}>
          {(g) => (
            <>
              <dt>{render(g.term, lang())}</dt>
              <dd>{render(g.meaning, lang())}</dd>
            </>
          )}
        </For>
      </dl>
    </details>
  );
}
