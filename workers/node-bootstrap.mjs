// Worker threads do not inherit tsx's loader, so each thread registers it before loading the
// TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./node.worker.ts');
