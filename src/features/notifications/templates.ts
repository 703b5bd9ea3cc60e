import type { EntryFacts } from './delivery-context.js';
import type { ItipMethod } from './itip.js';

/** A notification rendered for every channel: mail (subject, text, HTML), and a short line for push and SMS. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  short: string;
  itip: ItipMethod | null;
  url: string | null;
}

export interface DigestItem {
  title: string;
  startAt: Date;
  allDay: boolean;
  kind: string;
}

export interface RenderInput {
  type: string;
  entry: EntryFacts | null;
  occurrenceAt: Date | null;
  payload: Record<string, unknown>;
  recipientName: string | null;
  timeZone: string;
  /** Signed RSVP page (attendance), when the recipient is a participant. */
  rsvpUrl: string | null;
  entryUrl: string | null;
  digest?: { kind: 'daily' | 'weekly'; items: DigestItem[]; pendingApprovals: number };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value that reaches HTML goes through here: titles and reasons are user input. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const formats = new Map<string, Intl.DateTimeFormat>();

// Making an Intl.DateTimeFormat costs far more than using one: keep one per zone and style.
function when(at: Date, allDay: boolean, timeZone: string): string {
  const key = `${timeZone}|${allDay}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', allDay ? { dateStyle: 'full', timeZone } : { dateStyle: 'full', timeStyle: 'short', timeZone });
    formats.set(key, format);
  }
  return `${format.format(at)}${allDay ? '' : ` (${timeZone})`}`;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

interface Parts {
  subject: string;
  lead: string;
  lines: string[];
  itip: ItipMethod | null;
  link: { url: string; label: string } | null;
  list?: string[];
}

function parts(input: RenderInput): Parts {
  const { entry, payload } = input;
  const title = entry?.title ?? str(payload.title) ?? 'Kalendaryo';
  const at = input.occurrenceAt ?? entry?.startAt ?? null;
  const facts = [
    ...(at ? [`When: ${when(at, entry?.allDay ?? false, input.timeZone)}`] : []),
    ...(entry?.location ? [`Where: ${entry.location}`] : []),
    ...(entry?.organizer ? [`Organiser: ${entry.organizer.name}`] : []),
  ];
  const rsvp = input.rsvpUrl ? { url: input.rsvpUrl, label: 'Reply: going, maybe or not going' } : null;
  const open = input.entryUrl ? { url: input.entryUrl, label: 'Open in Kalendaryo' } : null;
  switch (input.type) {
    case 'invitation':
      return { subject: `Invitation: ${title}`, lead: `You are invited to ${title}.`, lines: facts, itip: 'REQUEST', link: rsvp ?? open };
    case 'rsvp_request':
      return { subject: `Please reply: ${title}`, lead: `Will you attend ${title}?`, lines: facts, itip: null, link: rsvp ?? open };
    case 'reminder':
      return { subject: `Reminder: ${title}`, lead: `${title} is coming up.`, lines: facts, itip: null, link: open };
    case 'update':
      return { subject: `Updated: ${title}`, lead: `${title} has changed.`, lines: facts, itip: 'REQUEST', link: rsvp ?? open };
    case 'cancellation':
      return { subject: `Cancelled: ${title}`, lead: `${title} has been cancelled.`, lines: facts, itip: 'CANCEL', link: null };
    case 'digest': {
      const d = input.digest!;
      const list = d.items.map((i) => `${when(i.startAt, i.allDay, input.timeZone)} — ${i.title}${i.kind.includes('deadline') || i.kind.includes('milestone') ? ' (deadline)' : ''}`);
      const lines = d.pendingApprovals > 0 ? [`${d.pendingApprovals} request(s) wait for your approval.`] : [];
      const period = d.kind === 'daily' ? 'today' : 'this week';
      return { subject: `Your ${d.kind} agenda: ${d.items.length} item(s) ${period}`, lead: d.items.length ? `Coming up ${period}:` : `Nothing on your calendar ${period}.`, lines, itip: null, link: open, list };
    }
    default: {
      // booking_decision, leave_decision: the deciding feature words the message.
      const decision = str(payload.decision);
      const reason = str(payload.reason);
      return {
        subject: str(payload.title) ?? `${input.type === 'leave_decision' ? 'Leave request' : 'Booking'}${decision ? ` ${decision}` : ''}`,
        lead: str(payload.message) ?? `Your request was ${decision ?? 'decided'}.`,
        lines: [...facts, ...(reason ? [`Reason: ${reason}`] : [])],
        itip: null,
        link: str(payload.url) ? { url: str(payload.url)!, label: 'Open in Kalendaryo' } : open,
      };
    }
  }
}

export function renderMessage(input: RenderInput): RenderedMessage {
  const p = parts(input);
  const greeting = input.recipientName ? `Hello ${input.recipientName},` : 'Hello,';
  const text = [greeting, '', p.lead, ...(p.list ?? []).map((l) => `- ${l}`), ...p.lines, ...(p.link ? ['', `${p.link.label}: ${p.link.url}`] : []), '', '— Kalendaryo'].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p><strong>${escapeHtml(p.lead)}</strong></p>`,
    p.list?.length ? `<ul>${p.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
    p.lines.length ? `<p>${p.lines.map(escapeHtml).join('<br>')}</p>` : '',
    p.link ? `<p><a href="${escapeHtml(p.link.url)}">${escapeHtml(p.link.label)}</a></p>` : '',
    '<p style="color:#555">— Kalendaryo</p></body></html>',
  ].join('');
  const short = [p.subject, ...p.lines.slice(0, 2)].join(' · ');
  return { subject: p.subject, text, html, short, itip: p.itip, url: p.link?.url ?? null };
}
