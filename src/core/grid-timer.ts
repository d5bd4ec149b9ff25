/**
 * One page timer for every low-rate service (sleeping meter hubs, status polls): services due
 * at the same time run in one timer task, not one task each. Callers schedule on the shared
 * interval grid (`nextDueMs` of meter-hub.ts: 100 ms clip checks, 500 ms aria values, 200 ms
 * status polls all land on multiples of 100 ms), so a page with any number of sources and
 * watchers wakes at most ten times a second.
 *
 * Thread: main thread (any thread with setTimeout and performance.now). Nothing runs at import.
 * No allocation per tick: each service owns one handle, reused for every schedule.
 */

/** A service's handle: `at(dueMs)` (re)schedules it, `cancel()` unschedules it. */
export interface GridTimer {
  /** Runs the service once at `dueMs` (performance.now timeline) or soon after; replaces an earlier schedule. */
  at(dueMs: number): void;
  cancel(): void;
  /** True while scheduled. */
  readonly pending: boolean;
}

/** Services due within this many ms of the firing time run in the same task. */
const SLACK_MS = 2;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The grid timer's clock, ms (performance.now where it exists). */
export function gridNow(): number {
  return now();
}

class Handle implements GridTimer {
  due = Infinity;
  constructor(readonly run: () => void) {}
  get pending(): boolean {
    return this.due !== Infinity;
  }
  at(dueMs: number): void {
    this.due = dueMs;
    if (scheduled.indexOf(this) < 0) scheduled.push(this);
    arm();
  }
  cancel(): void {
    this.due = Infinity;
    const i = scheduled.indexOf(this);
    if (i >= 0) scheduled.splice(i, 1);
    if (scheduled.length === 0) disarm();
  }
}

const scheduled: Handle[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let timerDue = Infinity;

function disarm(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  timerDue = Infinity;
}

function arm(): void {
  let first = Infinity;
  for (let i = 0; i < scheduled.length; i++) if (scheduled[i].due < first) first = scheduled[i].due;
  if (first === timerDue) return;
  disarm();
  if (first === Infinity) return;
  timerDue = first;
  timer = setTimeout(fire, Math.max(0, first - now()));
}

function fire(): void {
  timer = null;
  timerDue = Infinity;
  const t = now() + SLACK_MS;
  try {
    // Run every service due by now (each may reschedule itself: it is then due later than t).
    for (let i = 0; i < scheduled.length; ) {
      const h = scheduled[i];
      if (h.due <= t) {
        scheduled.splice(i, 1);
        h.due = Infinity;
        h.run();
      } else {
        i++;
      }
    }
  } finally {
    arm(); // a service that threw leaves the others scheduled
  }
}

/**
 * When a listener served at `nowMs` with interval `everyMs` is due next, ms: the next multiple of
 * `everyMs` (a grid shared by every track and by watchTrackDom's values, so listeners with the
 * same interval fall due in the same frame and a hub can sleep between), but never sooner than
 * half an interval and never later than a whole one — an update every `everyMs` on average,
 * never two within `everyMs / 2`. `everyMs` 0: every frame.
 */
export function nextDueMs(nowMs: number, everyMs: number): number {
  if (everyMs === 0) return nowMs;
  const grid = (Math.floor(nowMs / everyMs) + 1) * everyMs;
  return grid - nowMs >= everyMs / 2 ? grid : nowMs + everyMs;
}

/** A handle for `run` on the page's grid timer (unscheduled until `at`). */
export function createGridTimer(run: () => void): GridTimer {
  return new Handle(run);
}

/** Services scheduled right now (diagnostics, leak tests). */
export function gridTimerCount(): number {
  return scheduled.length;
}
