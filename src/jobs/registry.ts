import type { z } from 'zod';

/** What every job handler may use. */
export interface JobContext {
  now: () => Date;
  workerId: string;
}

/**
 * A job: a name, the schema of its payload (checked before the handler runs, so a bad payload
 * fails the job instead of half-running it) and its handler. Periodic jobs say how often.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  handler: (payload: z.infer<S>, ctx: JobContext) => Promise<unknown>;
  everyMs?: number;
}

export const defineJob = <S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> => job;

/**
 * Work a feature keeps in rows of its own (the notification outbox; later sync connections): each
 * round the worker asks it to claim up to `limit` due rows for `leaseMs` — atomically, so that
 * two workers never hold the same row — and hands each claimed row back to `handle`. A row whose
 * handling throws keeps its claim until the lease runs out, and another round retries it.
 */
export interface Sweeper<Row = unknown> {
  name: string;
  claim(workerId: string, now: Date, limit: number, leaseMs: number): Promise<Row[]>;
  handle(row: Row, ctx: JobContext): Promise<void>;
}

export const defineSweeper = <Row>(sweeper: Sweeper<Row>): Sweeper => sweeper as Sweeper;

/** What a feature contributes to the worker: its jobs, its sweepers, and what to close on stop. */
export interface JobContribution {
  jobs: JobDefinition[];
  sweepers?: Sweeper[];
  close?: () => Promise<void>;
}

export interface JobRegistry {
  get(name: string): JobDefinition;
  periodic(): JobDefinition[];
  sweepers(): Sweeper[];
  run(name: string, payload: unknown, ctx: JobContext): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The registry of a worker, from every feature's contribution. Start-up fails when two jobs or two
 * sweepers share a name: one of them would never run.
 */
export function createJobRegistry(contributions: readonly JobContribution[]): JobRegistry {
  const byName = new Map<string, JobDefinition>();
  const sweepers = new Map<string, Sweeper>();
  for (const contribution of contributions) {
    for (const d of contribution.jobs) {
      if (byName.has(d.name)) throw new Error(`job "${d.name}" has two handlers`);
      byName.set(d.name, d);
    }
    for (const s of contribution.sweepers ?? []) {
      if (sweepers.has(s.name)) throw new Error(`sweeper "${s.name}" is registered twice`);
      sweepers.set(s.name, s);
    }
  }
  return {
    get(name) {
      const d = byName.get(name);
      if (!d) throw new Error(`unknown job "${name}"`);
      return d;
    },
    periodic: () => [...byName.values()].filter((d) => d.everyMs !== undefined),
    sweepers: () => [...sweepers.values()],
    async run(name, payload, ctx) {
      const d = this.get(name);
      return d.handler(d.payload.parse(payload), ctx);
    },
    async close() {
      await Promise.all(contributions.map((c) => c.close?.()));
    },
  };
}
