import { SaxesParser } from 'saxes';

/**
 * The DAV server's small XML layer: reading request bodies into namespace-resolved elements and
 * writing multistatus answers. Reading is saxes (namespace-aware, well-formedness checked, no
 * network and no entity expansion beyond XML's five and character references); a DOCTYPE is
 * refused outright, so no DTD-defined entity ("billion laughs", external entities) can appear.
 */
export const NS = {
  DAV: 'DAV:',
  CALDAV: 'urn:ietf:params:xml:ns:caldav',
  CALSERVER: 'http://calendarserver.org/ns/',
  APPLE: 'http://apple.com/ns/ical/',
  KALENDARYO: 'https://kalendaryo.dev/ns/dav',
} as const;

const PREFIXES: Record<string, string> = { [NS.DAV]: 'D', [NS.CALDAV]: 'C', [NS.CALSERVER]: 'CS', [NS.APPLE]: 'A', [NS.KALENDARYO]: 'K' };

export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const MAX_DEPTH = 32;

/** Parses a request body; throws XmlError with saxes' reason (line and column) for anything not well-formed. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => {
    failure ??= new Error('a DOCTYPE is not accepted');
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { ns: tag.uri ?? '', name: tag.local ?? tag.name, attrs: {}, children: [], text: '' };
    for (const attr of Object.values(tag.attributes)) if (typeof attr === 'object' && attr.uri === '') element.attrs[attr.local] = attr.value;
    if (stack.length >= MAX_DEPTH) failure ??= new Error(`elements nest deeper than ${MAX_DEPTH}`);
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new XmlError(`The XML body is not well-formed: ${(failure as Error).message}`);
  if (!root) throw new XmlError('The XML body is empty.');
  return root;
}

export const is = (el: XmlElement | undefined, ns: string, name: string): boolean => el !== undefined && el.ns === ns && el.name === name;
export const childOf = (el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined => el?.children.find((c) => is(c, ns, name));
export const childrenOf = (el: XmlElement | undefined, ns: string, name: string): XmlElement[] => el?.children.filter((c) => is(c, ns, name)) ?? [];

/** A node to write: an element (text is escaped) or a raw, already-escaped string. */
export type XmlNode = { ns: string; name: string; attrs?: Record<string, string>; children?: XmlNode[]; text?: string } | { raw: string };

export const el = (ns: string, name: string, content?: XmlNode[] | string, attrs?: Record<string, string>): XmlNode =>
  typeof content === 'string' ? { ns, name, text: content, attrs } : { ns, name, children: content, attrs };
export const dav = (name: string, content?: XmlNode[] | string): XmlNode => el(NS.DAV, name, content);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

const DECLARATIONS = Object.entries(PREFIXES).map(([ns, p]) => ` xmlns:${p}="${ns}"`).join('');

function write(node: XmlNode, out: string[], extra: Map<string, string>, declarations = ''): void {
  if ('raw' in node) {
    out.push(node.raw);
    return;
  }
  let prefix = PREFIXES[node.ns];
  let declare = '';
  if (prefix === undefined) {
    // A namespace the client asked about that we do not know: declared where it is used.
    prefix = extra.get(node.ns) ?? `x${extra.size}`;
    if (!extra.has(node.ns)) extra.set(node.ns, prefix);
    declare = ` xmlns:${prefix}="${escapeXml(node.ns)}"`;
  }
  const tag = `${prefix}:${node.name}`;
  const attrs = Object.entries(node.attrs ?? {}).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  const empty = !node.text && !node.children?.length;
  out.push(`<${tag}${declarations}${declare}${attrs}${empty ? '/>' : '>'}`);
  if (empty) return;
  if (node.text) out.push(escapeXml(node.text));
  for (const child of node.children ?? []) write(child, out, extra);
  out.push(`</${tag}>`);
}

/** A whole document, with the known namespaces declared once on the root. */
export function xmlDocument(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, out, new Map(), DECLARATIONS);
  return out.join('');
}

/** An element written alone, for a document that declares the known namespaces (xmlDocument). */
export function xmlFragment(node: XmlNode): string {
  const out: string[] = [];
  write(node, out, new Map());
  return out.join('');
}
