import { describe, expect, it } from 'vitest';
import { recordSamples } from '../../../test/support/record-samples.js';
import { getKind, parseDetails } from './registry.js';
import { projectRecord, RECORD_TYPES } from './record-types.js';

const SAMPLES = recordSamples({ self: 'u1', approver: 'u9', community: 'b1' }, 'Sample');

describe('every record type', () => {
  it('has a sample here', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(RECORD_TYPES.map((r) => `${r.module}/${r.type}`).sort());
  });

  it.each(Object.entries(SAMPLES))('%s projects onto valid entries with known statuses', (path, sample) => {
    const result = projectRecord(path, { id: 'r1', ...sample });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.drafts.length).toBeGreaterThan(0);
    for (const d of result.drafts) {
      expect(getKind(d.module, d.kind)?.statuses[d.status]).toBeDefined();
      const details = parseDetails(d.module, d.kind, d.details);
      expect(details.ok ? true : details.issues).toBe(true);
      expect(d.projectionKey.startsWith(`${d.module}:`)).toBe(true);
    }
    // projecting the same record twice gives the same drafts (idempotent upserts)
    const again = projectRecord(path, { id: 'r1', ...sample });
    expect(again.ok && again.drafts).toEqual(result.drafts);
  });

  it.each(RECORD_TYPES.filter((r) => r.privacy.level === 'private').map((r) => [`${r.module}/${r.type}`]))(
    '%s is private, and so is every entry it projects: the calendar shows it as busy only',
    (path) => {
      const result = projectRecord(path, { id: 'r1', ...SAMPLES[path] });
      expect(result.ok && result.drafts.map((d) => d.visibility)).toEqual(expect.arrayContaining(['private']));
      expect(result.ok && result.drafts.every((d) => d.visibility === 'private')).toBe(true);
    },
  );
});
