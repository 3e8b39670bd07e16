/**
 * A queue of small UI jobs (mounting a view, building or redrawing a chart), run a few at a time
 * in separate main-thread tasks so that no task grows long while a run is going on. On a 2-core
 * machine the simulation workers take most of the CPU and a task's wall time is often 2–4× its
 * CPU time, so the budget per task is kept small; the browser can render and handle input
 * between tasks.
 */
const BUDGET_MS = 8;
const queue: { job: () => void; cancelled: boolean; alone: boolean }[] = [];
let posted = false;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function drain(): void {
  posted = false;
  const start = performance.now();
  let ran = 0;
  while (queue.length > 0) {
    const item = queue[0];
    if (item.cancelled) {
      queue.shift();
      continue;
    }
    // A job with work the clock here cannot see (a chart's drawing runs in a microtask after it)
    // gets a task of its own.
    if (item.alone && ran > 0) break;
    queue.shift();
    item.job();
    ran++;
    if (item.alone || performance.now() - start >= BUDGET_MS) break;
  }
  if (queue.length > 0) post();
}

function post(): void {
  if (posted) return;
  posted = true;
  // A message task, not setTimeout(0): no 4 ms clamping after nesting, yet still a new task.
  if (channel) channel.port2.postMessage(0);
  else setTimeout(drain, 0);
}
if (channel) channel.port1.onmessage = drain;

/**
 * Runs `job` in a later task, after the jobs queued before it; `alone`: in a task of its own.
 * Returns a cancel function.
 */
export function schedule(job: () => void, alone = false): () => void {
  const item = { job, cancelled: false, alone };
  queue.push(item);
  post();
  return () => {
    item.cancelled = true;
  };
}
