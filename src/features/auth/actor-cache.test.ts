import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { ActorCache, type FoundActor } from './actor-cache.js';

const actor: Actor = { userId: 'u1', organizationId: 'o1', email: 'a@x', name: 'A', role: 'staff', timeZone: 'Asia/Manila', via: 'token', csrfToken: null };

function counted(found: FoundActor | null) {
  const load = async () => {
    load.calls++;
    return found;
  };
  load.calls = 0;
  return load;
}

describe('ActorCache', () => {
  it('asks the database once while nothing changes, and again after forget', async () => {
    const cache = new ActorCache(() => true);
    const load = counted({ actor, untilMs: Infinity });
    expect(await cache.resolve('k', 0, load)).toEqual(actor);
    expect(await cache.resolve('k', 1_000, load)).toEqual(actor);
    expect(load.calls).toBe(1);
    cache.forget();
    await cache.resolve('k', 2_000, load);
    expect(load.calls).toBe(2);
  });

  it('keeps nothing it cannot be told about: while the channel is not heard every request asks', async () => {
    let heard = false;
    const cache = new ActorCache(() => heard);
    const load = counted({ actor, untilMs: Infinity });
    await cache.resolve('k', 0, load);
    await cache.resolve('k', 0, load);
    expect(load.calls).toBe(2);
    heard = true;
    await cache.resolve('k', 0, load);
    heard = false;
    await cache.resolve('k', 0, load);
    expect(load.calls).toBe(4);
  });

  it('does not keep an answer when a change was announced while it was being read', async () => {
    const cache = new ActorCache(() => true);
    const load = async () => {
      cache.forget();
      return { actor, untilMs: Infinity };
    };
    expect(await cache.resolve('k', 0, load)).toEqual(actor);
    const again = counted(null);
    expect(await cache.resolve('k', 0, again)).toBeNull();
    expect(again.calls).toBe(1);
  });

  it('believes a session no longer than its expiry, and any answer no longer than a minute', async () => {
    const cache = new ActorCache(() => true);
    const session = counted({ actor: { ...actor, via: 'session' }, untilMs: 5_000 });
    await cache.resolve('s', 0, session);
    await cache.resolve('s', 4_999, session);
    expect(session.calls).toBe(1);
    await cache.resolve('s', 5_000, session);
    expect(session.calls).toBe(2);
    const token = counted({ actor, untilMs: Infinity });
    await cache.resolve('t', 0, token);
    await cache.resolve('t', 59_999, token);
    await cache.resolve('t', 60_000, token);
    expect(token.calls).toBe(2);
  });

  it('remembers no refusal and hands out copies', async () => {
    const cache = new ActorCache(() => true);
    const none = counted(null);
    await cache.resolve('k', 0, none);
    await cache.resolve('k', 0, none);
    expect(none.calls).toBe(2);
    const load = counted({ actor, untilMs: Infinity });
    const first = (await cache.resolve('c', 0, load))!;
    first.role = 'admin';
    expect((await cache.resolve('c', 0, load))!.role).toBe('staff');
  });
});
