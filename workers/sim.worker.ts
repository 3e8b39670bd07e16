/// <reference lib="webworker" />
// Browser web-worker entry: the simulation API over comlink.
import { exposeSimApi } from './expose';

exposeSimApi(undefined, { keepCare: true });
