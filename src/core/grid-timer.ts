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

/**
 * Services due within this many ms after the firing time run in the same task (a service may
 * so run up to SLACK_MS early: it is told its due time, and should serve as of it).
 */
export const GRID_SLACK_MS = 4;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The grid timer's clock, ms (performance.now where it exists). */
export function gridNow(): number {
  return now();
}

class Handle implements GridTimer {
  due = Infinity;
  constructor(readonly run: (dueMs: number) => void) {}
  get pending(): boolean {
    return this.due !== Infinity;
  }
  at(dueMs: number): void {
    this.due = dueMs;
    if (scheduled.indexOf(this) < 0) scheduled.push(this);
    if (!firing) arm(); // a service rescheduling itself while the timer fires: armed once, after
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
let firing = false;

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
  const t = now() + GRID_SLACK_MS;
  firing = true;
  try {
    // Run every service due by now (each may reschedule itself: it is then due later than t).
    for (let i = 0; i < scheduled.length;) {
      const h = scheduled[i];
      if (h.due <= t) {
        scheduled.splice(i, 1);
        const due = h.due;
        h.due = Infinity;
        h.run(due);
      } else {
        i++;
      }
    }
  } finally {
    firing = false;
    arm(); // once for every service rescheduled above; a service that threw leaves the others scheduled
  }
}

/**
 * When a listener served at `nowMs` with interval `everyMs` is due next, ms: the next multiple
 * of `everyMs` (a grid shared by every track, watchTrackDom's values and the status polls, so
 * services with commensurate intervals fall due together — in one frame, or one grid-timer
 * task — and a hub can sleep between), or, when that is less than half an interval away, the
 * half-interval point after it; from there the next is on the grid again. So the gap is always
 * from `everyMs / 2` to `everyMs`, and a service rescheduling itself from its due times is back
 * on the grid after one step (never drifts off it). `everyMs` 0: every frame.
 */
export function nextDueMs(nowMs: number, everyMs: number): number {
  if (everyMs === 0) return nowMs;
  const grid = (Math.floor(nowMs / everyMs) + 1) * everyMs;
  return grid - nowMs >= everyMs / 2 ? grid : grid + everyMs / 2;
}

/**
 * A handle for `run` on the page's grid timer (unscheduled until `at`). `run(dueMs)` gets the
 * time it was scheduled for (it may run up to GRID_SLACK_MS before it, or later): schedule the
 * next run from `max(gridNow(), dueMs)` so services stay on the grid together.
 */
export function createGridTimer(run: (dueMs: number) => void): GridTimer {
  return new Handle(run);
}

/** Services scheduled right now (diagnostics, leak tests). */
export function gridTimerCount(): number {
  return scheduled.length;
}
