// Rewrites the library files that describe Maastricht-Heuvelland on the shared Vektis data, as the
// default is (`npm run library:region`, after `npm run default:region`: they take the default's use of
// the lines they lacked).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSharedRegion, SHARED_REGION_FILE } from './defaultRegion';
import { REBASED_FILES, rebaseLibraryFile } from './libraryRegion';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = readSharedRegion(`${root}${SHARED_REGION_FILE}`);
const def = JSON.parse(readFileSync(`${root}scenarios/default.json`, 'utf8'));
for (const f of Object.keys(REBASED_FILES)) {
  const path = `${root}scenarios/${f}`;
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, `${JSON.stringify(rebaseLibraryFile(raw, def, data), null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}
process.stdout.write(`${data.source}\n`);
