/// <reference lib="webworker" />
// The contract designer off the UI thread: the whole search, or a share of one (designApi.ts).
// Cancelling terminates this worker.
import './zodConfig'; // first: before any schema is built
import { exposeDesignApi } from './designService';

exposeDesignApi();
