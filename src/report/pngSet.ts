import { lang } from '../i18n';
import { render, type Label } from '../texts/catalogue';
import { renderChartPng, saveBlob, type PngInfo } from '../charts/png';
import { runInfo } from './runInfo';
import { dateText, rtIn } from './texts';

/** Every chart card on the page, so one click can save them all. */
interface Entry {
  id: string;
  body: HTMLElement;
  info: () => PngInfo;
}
const cards = new Map<string, Entry>();

export function registerChart(e: Entry): () => void {
  cards.set(e.id, e);
  return () => {
    if (cards.get(e.id) === e) cards.delete(e.id);
  };
}

/** The line under a picture's title: which scenario, when, how many runs, which seed. */
export function pngMeta(): string | undefined {
  const r = runInfo();
  if (!r) return undefined;
  const l = lang();
  return `${r.title} · ${rtIn('pngMeta', l, { d: dateText(r.date, l), n: r.runs.toLocaleString(l === 'nl' ? 'nl-NL' : 'en-GB'), s: r.seed })}`;
}

/** The question each chart answers, as a number for the file name (the order of the results page). */
const QUESTION: Record<string, number> = {
  fan: 1,
  lines: 1,
  moved: 1,
  hist: 2,
  reduction: 2,
  prob: 2,
  observed: 2,
  detect: 2,
  partydist: 3,
  riskreturn: 3,
  gains: 3,
  tornado: 4,
  voi: 4,
  variance: 4,
};
export const QUESTION_NAMES: Record<number, Label> = {
  1: { nl: 'zorg-en-kosten', en: 'care-and-cost' },
  2: { nl: 'doel', en: 'target' },
  3: { nl: 'risico-per-partij', en: 'risk-per-party' },
  4: { nl: 'wat-bepaalt-de-uitkomst', en: 'what-drives-it' },
};

/**
 * Every chart shown in the results (not the comparison's or a goal search's), each a PNG, in one
 * zip named by the question it answers: `1-zorg-en-kosten-fan.png`, …. The zip library loads on
 * first use.
 */
export async function chartSet(): Promise<{ name: string; png: Uint8Array }[]> {
  const l = lang();
  const out: { name: string; png: Uint8Array }[] = [];
  const entries = [...cards.values()].filter((e) => QUESTION[e.id] !== undefined && e.body.isConnected);
  entries.sort((a, b) => QUESTION[a.id] - QUESTION[b.id] || (a.body.compareDocumentPosition(b.body) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const e of entries) {
    const blob = await renderChartPng(e.body, e.info());
    if (!blob) continue;
    const q = QUESTION[e.id];
    out.push({ name: `${q}-${render(QUESTION_NAMES[q], l)}-${e.id}.png`, png: new Uint8Array(await blob.arrayBuffer()) });
  }
  return out;
}

export async function saveChartSet(fileName: string): Promise<number> {
  const files = await chartSet();
  const { zipSync } = await import('fflate');
  // PNGs are compressed already: stored, not deflated again.
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, [f.png, { level: 0 }]])) as never);
  saveBlob(new Blob([zip as BlobPart], { type: 'application/zip' }), fileName);
  return files.length;
}
