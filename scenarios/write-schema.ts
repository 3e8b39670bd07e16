// Writes scenarios/scenario.schema.json from the zod definition, so the published JSON Schema
// can never drift from what the validator accepts. Run by `npm run schema`; a test checks that
// the committed file equals a fresh generation.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchema } from './jsonSchema';

const path = fileURLToPath(new URL('./scenario.schema.json', import.meta.url));
writeFileSync(path, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path}\n`);
