import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createJobRegistry, type JobContext, type JobContribution, type JobDefinition, type Sweeper } from './registry.js';

export interface WorkerOptions {
  database: Database;
  config: Config;
  /** What each feature gives the worker (assembled in src/app-worker.ts). */
  contributions: readonly JobContribution[];
  /** This process's own clock: only paces how often the periodic jobs are tried, never what is due. */
  now?: () => Date;
  /**
   * The clock that decides what is due (claimed rows, leases, planners): the database's `now()`, read
   * once a round, so that workers on machines whose clocks disagree agree with each other and with
   * the rows the API wrote. Tests stand in for it to move time.
   */
  databaseClock?: () => Promise<Date>;
  pollMs?: number;
  concurrency?: number;
  leaseMs?: number;
  /** Skip the periodic planners (tests that drive them by hand). */
  periodic?: boolean;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}

export interface Worker {
  readonly id: string;
  /** One round: due periodic jobs, then one claimed batch of each sweeper handled. Returns the rows claimed. */
  tick(): Promise<number>;
  /** Rounds until nothing is due (tests, the bench). */
  drain(): Promise<number>;
  /** Runs rounds in the background until stop(). */
  start(): void;
  stop(): Promise<void>;
}

async function eachConcurrently<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * The worker: each round, the periodic jobs that are due (each run by one worker at a time through a
 * lease row), then one batch of every sweeper's atomically claimed rows (the notification outbox is
 * the first: docs/notifications.md). It knows no feature: features contribute jobs and sweepers.
 * Any number of these, in `kalendaryo worker` processes or inside `serve`, share the work.
 */
export function createWorker(options: WorkerOptions): Worker {
  const { database, config } = options;
  const processNow = options.now ?? (() => new Date());
  const databaseClock = options.databaseClock ?? (async () => (await database.query<{ now: Date | string }>('select now() as now'))[0]!.now);
  // The round's reading of the database's clock: what the claims, the leases, the planners and the
  // handlers (quiet hours, "already started", retry times) all compare with.
  let roundNow = new Date(0);
  const now = () => roundNow;
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = options.pollMs ?? config.WORKER_POLL_MS;
  const concurrency = options.concurrency ?? config.WORKER_CONCURRENCY;
  const leaseMs = options.leaseMs ?? config.WORKER_LEASE_MS;
  const batch = concurrency * 2;
  const log = options.log ?? (() => {});
  const registry = createJobRegistry(options.contributions);
  const ctx: JobContext = { now, workerId: id };
  const nextTry = new Map<string, number>();

  async function claimLease(job: JobDefinition): Promise<boolean> {
    const at = now();
    await database.query('insert into job_leases (name) values ($1) on conflict (name) do nothing', [job.name]);
    const rows = await database.query(
      `update job_leases set claimed_by = $2, claimed_until = $3::timestamptz + make_interval(secs => $4::float8 / 1000), last_run_at = $3
        where name = $1 and (claimed_until is null or claimed_until < $3)
          and (last_run_at is null or last_run_at <= $3::timestamptz - make_interval(secs => $5::float8 / 1000))
        returning name`,
      [job.name, id, at, leaseMs, job.everyMs],
    );
    return rows.length === 1;
  }

  async function runPeriodic(): Promise<void> {
    for (const job of registry.periodic()) {
      const t = processNow().getTime();
      if ((nextTry.get(job.name) ?? 0) > t) continue;
      nextTry.set(job.name, t + Math.min(job.everyMs!, 10_000));
      if (!(await claimLease(job))) continue;
      try {
        await registry.run(job.name, {}, ctx);
      } catch (error) {
        log('periodic job failed', { job: job.name, err: error });
      } finally {
        await database.query('update job_leases set claimed_until = null where name = $1 and claimed_by = $2', [job.name, id]);
      }
    }
  }

  async function tick(): Promise<number> {
    roundNow = new Date(await databaseClock());
    if (options.periodic !== false) await runPeriodic();
    let claimed = 0;
    for (const sweeper of registry.sweepers()) claimed += await sweep(sweeper);
    return claimed;
  }

  async function sweep(sweeper: Sweeper): Promise<number> {
    const rows = await sweeper.claim(id, now(), batch, leaseMs);
    await eachConcurrently(rows, concurrency, async (row) => {
      try {
        await sweeper.handle(row, ctx);
      } catch (error) {
        // The lease runs out and another round retries it.
        log('sweep bookkeeping failed', { sweeper: sweeper.name, err: error });
      }
    });
    return rows.length;
  }

  let running: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;

  return {
    id,
    tick,
    async drain() {
      let total = 0;
      for (let n = await tick(); n > 0; n = await tick()) total += n;
      return total;
    },
    start() {
      if (running) return;
      running = (async () => {
        while (!stopping) {
          let claimed = 0;
          try {
            claimed = await tick();
          } catch (error) {
            log('worker round failed', { err: error });
          }
          if (claimed < batch && !stopping) await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, pollMs).unref();
          });
        }
      })();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
      await registry.close();
    },
  };
}
