/** A plain DAV client for the bench: one request, its status, body and time (read to the end). */
export interface DavAnswer {
  status: number;
  body: string;
  ms: number;
  headers: Headers;
}

export async function davFetch(url: string, authorization: string, method: string, body?: string, headers: Record<string, string> = {}): Promise<DavAnswer> {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    body,
    headers: { authorization, ...(body ? { 'content-type': body.startsWith('BEGIN:VCALENDAR') ? 'text/calendar; charset=utf-8' : 'application/xml; charset=utf-8' } : {}), ...headers },
  });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started, headers: response.headers };
}

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export const monthQuery = (start: string, end: string) =>
  `<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:time-range start="${start}" end="${end}"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`;

export const listing = '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getcontenttype/></d:prop></d:propfind>';

export const multiget = (hrefs: string[]) =>
  `<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>${hrefs.map((h) => `<d:href>${h}</d:href>`).join('')}</c:calendar-multiget>`;

export const syncQuery = (token: string) =>
  `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;

export const hrefsOf = (body: string): string[] => [...body.matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => m[1]!);
export const syncTokenOf = (body: string): string => /<(?:\w+:)?sync-token>([^<]+)</.exec(body)![1]!;

/**
 * A phone's first sync: the collection's listing (PROPFIND depth 1, ETags), then every resource's
 * data by calendar-multiget in batches. Total time and resources fetched.
 */
export async function firstSync(collectionUrl: string, authorization: string, batch = 100): Promise<{ ms: number; resources: number }> {
  const started = performance.now();
  const list = await davFetch(collectionUrl, authorization, 'PROPFIND', listing, { depth: '1' });
  const hrefs = hrefsOf(list.body);
  let resources = 0;
  for (let i = 0; i < hrefs.length; i += batch) {
    const answer = await davFetch(collectionUrl, authorization, 'REPORT', multiget(hrefs.slice(i, i + batch)), { depth: '1' });
    resources += (answer.body.match(/calendar-data>BEGIN:VCALENDAR/g) ?? []).length;
  }
  return { ms: performance.now() - started, resources };
}
