import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { viewPresets } from '../../db/schema/view-presets.js';
import { Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { countPresets, findPresetByName, presentPreset } from './repository.js';
import { MAX_PRESETS_PER_USER, type Preset, type PresetCreate } from './schemas.js';

/**
 * Saves a preset under its name for the signed-in user. A name the user already has (any case)
 * is replaced, so "Save" twice under one name updates it rather than failing.
 */
export async function savePreset(deps: { db: Db; now: () => Date }, actor: Actor, input: PresetCreate): Promise<{ preset: Preset; created: boolean }> {
  const owner = { organizationId: actor.organizationId, userId: actor.userId };
  return deps.db.transaction(async (tx) => {
    const existing = await findPresetByName(tx, owner, input.name);
    if (existing) {
      const [row] = await tx.update(viewPresets)
        .set({ name: input.name, view: input.view, filters: input.filters, updatedAt: deps.now() })
        .where(eq(viewPresets.id, existing.id)).returning();
      return { preset: presentPreset(row!), created: false };
    }
    if (await countPresets(tx, owner) >= MAX_PRESETS_PER_USER) {
      throw new Problem(422, 'Unprocessable Content', `You have ${MAX_PRESETS_PER_USER} saved views; delete one first.`, [{ field: 'name', message: `at most ${MAX_PRESETS_PER_USER} saved views` }]);
    }
    const [row] = await tx.insert(viewPresets)
      .values({ ...owner, name: input.name, view: input.view, filters: input.filters, createdAt: deps.now(), updatedAt: deps.now() })
      .returning();
    return { preset: presentPreset(row!), created: true };
  });
}
