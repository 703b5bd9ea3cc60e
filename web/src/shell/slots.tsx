/**
 * Places in the shell that the page on show fills: its controls in the top bar ("bar"), its tools
 * at the bar's end ("tools": search, view switcher), its Create action ("create": atop the rail on
 * desktop, in the app bar on phones) and its sections in the navigation rail ("rail"). A page
 * renders `<ShellSlot name="bar">…</ShellSlot>`; the shell decides where that is at each width.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type SlotName = 'bar' | 'tools' | 'create' | 'rail';

export interface ShellState {
  /** Phone layout (≤ 640 px): one app bar, the rail as a drawer. */
  narrow: boolean;
  openHelp: () => void;
}

interface SlotsValue extends ShellState {
  targets: Partial<Record<SlotName, HTMLElement | null>>;
}

const SlotsContext = createContext<SlotsValue | null>(null);

export function useShell(): ShellState {
  const value = useContext(SlotsContext);
  if (!value) throw new Error('useShell outside the shell');
  return value;
}

export function ShellSlot({ name, children }: { name: SlotName; children: ReactNode }) {
  const target = useContext(SlotsContext)?.targets[name];
  return target ? createPortal(children, target) : null;
}

/** The shell's side: slot targets as state (a page renders into them once they exist) and ref callbacks to set them. */
export function useSlotTargets(state: ShellState) {
  const [targets, setTargets] = useState<SlotsValue['targets']>({});
  const set = useCallback((name: SlotName, el: HTMLElement | null) => setTargets((old) => (old[name] === el ? old : { ...old, [name]: el })), []);
  const refs = useMemo(() => ({
    bar: (el: HTMLElement | null) => set('bar', el),
    tools: (el: HTMLElement | null) => set('tools', el),
    create: (el: HTMLElement | null) => set('create', el),
    rail: (el: HTMLElement | null) => set('rail', el),
  }), [set]);
  const value = useMemo(() => ({ ...state, targets }), [state, targets]);
  return { refs, value };
}

export function SlotsProvider({ value, children }: { value: SlotsValue; children: ReactNode }) {
  return <SlotsContext.Provider value={value}>{children}</SlotsContext.Provider>;
}
