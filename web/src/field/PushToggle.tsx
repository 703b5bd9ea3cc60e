import { useEffect, useState } from 'react';
import { messageOf } from '../api';
import { pushState, type PushState, subscribePush } from './push';

const TEXT: Record<Exclude<PushState, 'available'>, string> = {
  unsupported: 'This browser cannot receive reminders as notifications.',
  'off-on-server': 'Phone notifications are not set up on this server.',
  denied: 'Notifications are blocked for Kalendaryo in this browser\'s settings.',
  subscribed: 'Reminders come to this phone as notifications.',
};

/** "Send reminders to this phone": subscribes the device for web push. */
export function PushToggle({ online }: { online: boolean }) {
  const [state, setState] = useState<PushState | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (online) void pushState().then(setState).catch(() => setState(null));
  }, [online]);
  if (!state) return null;
  if (state !== 'available') return <p className="field-small">{TEXT[state]}</p>;
  return (
    <p className="field-small">
      <button type="button" className="field-secondary" onClick={() => void subscribePush().then(() => setState('subscribed'), (err: unknown) => setNote(messageOf(err)))}>
        Send reminders to this phone
      </button>
      {note && <span role="alert"> {note}</span>}
    </p>
  );
}
