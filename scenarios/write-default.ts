// Rewrites scenarios/default.json calibrated to the shared Vektis data of Maastricht-Heuvelland
// (`npm run default:region`): only the cost per contact, the population and their sources change,
// and the high-cost persistence is set to the default's (defaultRegion.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../models/pipeline/validate';
import { rebaseDefault, readSharedRegion, SHARED_REGION_FILE } from './defaultRegion';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = `${root}scenarios/default.json`;
const parsed = parseScenarioText(readFileSync(path, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
const data = readSharedRegion(`${root}${SHARED_REGION_FILE}`);
const raw = JSON.parse(readFileSync(path, 'utf8'));
const cal = rebaseDefault(parsed.scenario, data);
// Only what the calibration derives is taken over, so the file keeps its own layout and defaults.
raw.region.population = cal.scenario.region.population;
raw.region.segments.forEach((seg: any, i: number) => {
  const lines = cal.scenario.region.segments[i].lines as Record<string, { costPerContact: unknown }>;
  for (const l of Object.keys(seg.lines)) seg.lines[l].costPerContact = lines[l].costPerContact;
  if (seg.highCost) seg.highCost.persistence = cal.scenario.region.segments[i].highCost!.persistence;
});
writeFileSync(path, `${JSON.stringify(raw, null, 2)}\n`);
process.stdout.write(`wrote ${path}\n${data.source}\n`);
for (const g of cal.groups) process.stdout.write(`  ${g.lines.join(' + ')}: × ${g.factor.toFixed(4)}, €${(g.target / g.index).toFixed(0)} × ${g.index.toFixed(4)} = €${g.target.toFixed(0)}\n`);
process.stdout.write(`person-cost CV ${cal.personCv.toFixed(2)}, top 1% ${(cal.top1.share * 100).toFixed(1)}% ± ${(cal.top1.se * 100).toFixed(1)}%\n`);
