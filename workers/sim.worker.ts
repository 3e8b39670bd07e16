/// <reference lib="webworker" />
// Browser web-worker entry: the simulation API over comlink.
import './zodConfig'; // first: before any schema is built
import { exposeSimApi } from './expose';

exposeSimApi();
