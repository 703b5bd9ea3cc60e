/**
 * What no well-meant input contains, found before validation looks at it: a NUL character
 * (PostgreSQL text cannot hold it, so it used to fail deep in a query with a 500) and nesting
 * deeper than any of our schemas go (a recursive validator overflows the stack on 10,000 levels).
 * The walk is iterative, so the check itself cannot overflow.
 */
export const MAX_INPUT_DEPTH = 32;

export type HostileValue =
  | { kind: 'nul'; path: (string | number)[] }
  | { kind: 'depth'; path: (string | number)[] };

/** Where a path is too long to print whole (a 10,000-deep one), its first steps and an ellipsis. */
export function fieldName(path: readonly (string | number)[], root = '(body)'): string {
  if (path.length === 0) return root;
  const shown = path.slice(0, 6).join('.');
  return path.length > 6 ? `${shown}…` : shown;
}

interface Frame { value: unknown; depth: number; key: string | number | null; parent: Frame | null }

const pathOf = (frame: Frame): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) path.push(f.key);
  return path.reverse();
};

/** The first NUL or over-deep place in a parsed JSON value (or query/params object), else null. */
export function findHostileValue(value: unknown, maxDepth = MAX_INPUT_DEPTH): HostileValue | null {
  // Frames point at their parent: the path is built only for the place found, not for every value.
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const current = frame.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { kind: 'nul', path: pathOf(frame) };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (frame.depth >= maxDepth) return { kind: 'depth', path: pathOf(frame) };
    const depth = frame.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth, key: i, parent: frame });
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key.includes('\u0000')) return { kind: 'nul', path: [...pathOf(frame), key.replaceAll('\u0000', '\\u0000')] };
      stack.push({ value: (current as Record<string, unknown>)[key], depth, key, parent: frame });
    }
  }
  return null;
}

export function describeHostileValue(found: HostileValue): string {
  return found.kind === 'nul'
    ? 'must not contain a NUL character (\\u0000)'
    : `is nested more than ${MAX_INPUT_DEPTH} levels deep`;
}
