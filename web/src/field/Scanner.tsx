/**
 * Camera scanning with the browser's BarcodeDetector (Chrome on Android has it). Where it is
 * missing the button is not shown and the code field (a hardware scanner types into it too) and
 * the name search remain: no scanning library is bundled (they weigh more than the whole agenda).
 */
import { useEffect, useRef, useState } from 'react';

interface Detector { detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>> }
type DetectorClass = new (opts: { formats: string[] }) => Detector;

export const hasBarcodeDetector = (): boolean => typeof (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector === 'function';

export function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    let last = '';
    const Detector = (globalThis as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector;
    const detector = new Detector({ formats: ['qr_code'] });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const codes = await detector.detect(video.current).catch(() => []);
          const value = codes[0]?.rawValue;
          // The same code stays in view for a while: one scan per code until another is seen.
          if (value && value !== last) {
            last = value;
            latest.current(value);
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch (err) {
        setError(`The camera could not be opened: ${err instanceof Error ? err.message : String(err)}`);
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on]);

  if (!hasBarcodeDetector()) return null;
  return (
    <div className="field-scanner">
      <button type="button" className="field-primary" onClick={() => setOn(!on)} aria-pressed={on}>{on ? 'Stop camera' : 'Scan with camera'}</button>
      {on && <video ref={video} muted playsInline aria-label="Camera view" />}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
