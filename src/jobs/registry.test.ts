import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobRegistry, defineJob } from './registry.js';

const ctx = { now: () => new Date(), workerId: 'w' };

describe('job registry', () => {
  const echo = defineJob({ name: 'echo', payload: z.object({ n: z.number() }), handler: async ({ n }) => n * 2 });

  it('refuses to start when a job has no handler, or a handler no name', () => {
    expect(() => createJobRegistry(['echo', 'tick'], [echo])).toThrow('job(s) without a handler: tick');
    expect(() => createJobRegistry([], [echo])).toThrow('"echo" is not a known job name');
    expect(() => createJobRegistry(['echo'], [echo, echo])).toThrow('two handlers');
  });

  it('checks the payload before running the handler', async () => {
    const registry = createJobRegistry(['echo'], [echo]);
    expect(await registry.run('echo', { n: 2 }, ctx)).toBe(4);
    await expect(registry.run('echo', { n: 'x' }, ctx)).rejects.toThrow();
  });
});
