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

export interface JobRegistry {
  get(name: string): JobDefinition;
  periodic(): JobDefinition[];
  run(name: string, payload: unknown, ctx: JobContext): Promise<unknown>;
}

/**
 * The registry of a worker: every name in `names` must have exactly one definition and no
 * definition may be unnamed there, or start-up fails — a job enqueued with nobody to run it would
 * wait forever.
 */
export function createJobRegistry(names: readonly string[], definitions: readonly JobDefinition[]): JobRegistry {
  const byName = new Map<string, JobDefinition>();
  for (const d of definitions) {
    if (!names.includes(d.name)) throw new Error(`job "${d.name}" is not a known job name`);
    if (byName.has(d.name)) throw new Error(`job "${d.name}" has two handlers`);
    byName.set(d.name, d);
  }
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length) throw new Error(`job(s) without a handler: ${missing.join(', ')}`);
  return {
    get(name) {
      const d = byName.get(name);
      if (!d) throw new Error(`unknown job "${name}"`);
      return d;
    },
    periodic: () => [...byName.values()].filter((d) => d.everyMs !== undefined),
    async run(name, payload, ctx) {
      const d = this.get(name);
      return d.handler(d.payload.parse(payload), ctx);
    },
  };
}
