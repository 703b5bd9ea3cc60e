import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobRegistry, defineJob, defineSweeper } from './registry.js';

const ctx = { now: () => new Date(), workerId: 'w' };

describe('job registry', () => {
  const echo = defineJob({ name: 'echo', payload: z.object({ n: z.number() }), handler: async ({ n }) => n * 2 });
  const tick = defineJob({ name: 'tick', payload: z.object({}), everyMs: 1000, handler: async () => 'ticked' });
  const sweep = defineSweeper({ name: 'outbox', claim: async () => [1, 2], handle: async () => {} });

  it('refuses to start when two features register the same job or sweeper name', () => {
    expect(() => createJobRegistry([{ jobs: [echo] }, { jobs: [echo] }])).toThrow('job "echo" has two handlers');
    expect(() => createJobRegistry([{ jobs: [], sweepers: [sweep] }, { jobs: [], sweepers: [sweep] }])).toThrow('sweeper "outbox" is registered twice');
  });

  it('gathers every contribution: periodic jobs, sweepers, and closes each on stop', async () => {
    let closed = 0;
    const registry = createJobRegistry([{ jobs: [echo], close: async () => void (closed += 1) }, { jobs: [tick], sweepers: [sweep], close: async () => void (closed += 1) }]);
    expect(registry.periodic().map((j) => j.name)).toEqual(['tick']);
    expect(registry.sweepers().map((s) => s.name)).toEqual(['outbox']);
    await registry.close();
    expect(closed).toBe(2);
  });

  it('checks the payload before running the handler, and names an unknown job', async () => {
    const registry = createJobRegistry([{ jobs: [echo] }]);
    expect(await registry.run('echo', { n: 2 }, ctx)).toBe(4);
    await expect(registry.run('echo', { n: 'x' }, ctx)).rejects.toThrow();
    await expect(registry.run('nope', {}, ctx)).rejects.toThrow('unknown job "nope"');
  });
});
