import { createHash } from 'node:crypto';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { collectionState } from './repository.js';
import type { DavScope } from './scope.js';

/**
 * Whole answers to calendar-query and calendar-multiget, kept per viewer, collection, access level,
 * request body and the collection's newest change stamp (its rows, tombstones and moves out, as
 * getctag reads it): any write to the collection changes the stamp, so a kept answer is never stale,
 * and a phone asking the same range again costs one indexed query. At most `maxBytes` of answers,
 * least recently used going first.
 */
export class ReportCache {
  private readonly answers = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  async answer(scope: DavScope, calendar: CalendarWithLevel, body: Buffer, compute: () => Promise<string>): Promise<string> {
    const { last } = await collectionState(scope.database, scope.actor.organizationId, calendar.id);
    const key = `${scope.actor.userId}|${calendar.id}|${calendar.level}|${last ?? ''}|${createHash('sha1').update(body).digest('base64url')}`;
    const kept = this.answers.get(key);
    if (kept !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const answer = await compute();
    if (answer.length * 2 > this.maxBytes / 4) return answer;
    this.answers.set(key, answer);
    this.bytes += answer.length * 2;
    while (this.bytes > this.maxBytes) {
      const [oldest, text] = this.answers.entries().next().value!;
      this.answers.delete(oldest);
      this.bytes -= text.length * 2;
    }
    return answer;
  }
}
