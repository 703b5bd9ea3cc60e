import type { FeedRow } from './repository.js';
import type { FeedDto } from './schemas.js';

/** The subscription address of a secret: https (or whatever PUBLIC_URL says) and its webcal:// twin. */
export function feedUrls(publicUrl: string, secret: string): { url: string; webcalUrl: string } {
  const url = `${publicUrl}/feeds/${secret}.ics`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
}

export function presentFeed(row: FeedRow): FeedDto {
  return {
    id: row.id,
    name: row.name,
    calendars: row.calendarIds,
    filters: row.filters as FeedDto['filters'],
    detail: row.detail,
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    lastChangedAt: row.contentChangedAt.toISOString(),
  };
}
