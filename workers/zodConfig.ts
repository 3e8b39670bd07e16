// Imported first by every worker entry and by the page, before any schema module is evaluated:
// zod compiles a fast parser with `new Function` unless told not to (and decides when a schema is
// built), and the site's policy has no 'unsafe-eval'.
import { z } from 'zod';

z.config({ jitless: true });
