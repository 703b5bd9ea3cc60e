// The import graph of src/, held to the layering DESIGN.md promises (run by `npm run lint`).
//
// Imports are read by dependency-cruiser from the compiled view of each file, so type-only imports
// (erased at run time) do not count. The folders are the units of the layering: each feature
// (src/features/<name>), core, db, http, jobs, cli, and each file at the top of src/.
//
//   node scripts/check-architecture.mjs [--json] [--verbose]
//
// Fails when: any file cycle exists; more than MAX_INSIDE_FOLDER_CYCLES file imports join folders
// that sit in one folder cycle; a chain of folder imports is longer than MAX_FOLDER_CHAIN; or a rule
// below is broken.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const MAX_INSIDE_FOLDER_CYCLES = 3;
const MAX_FOLDER_CHAIN = 10;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

/** Which folder (unit of the layering) a file belongs to. */
export function unitOf(file) {
  const feature = /^src\/features\/([^/]+)\//.exec(file);
  if (feature) return `features/${feature[1]}`;
  const folder = /^src\/([^/]+)\//.exec(file);
  if (folder) return folder[1];
  return file.replace(/^src\//, '');
}

/** Arrows that must never exist, whatever the counts: [description, test(from, to)]. */
const RULES = [
  ['core imports nothing of the application (no db, http, features, jobs, cli)',
    (from, to) => from.startsWith('src/core/') && !to.startsWith('src/core/')],
  ['db imports no feature, http, jobs or cli',
    (from, to) => from.startsWith('src/db/') && /^src\/(features|http|jobs|cli)\//.test(to)],
  ['http imports no feature (features register themselves in src/app.ts)',
    (from, to) => from.startsWith('src/http/') && to.startsWith('src/features/')],
  ['features do not import the composition roots, the worker or the command (only the jobs registry, to contribute jobs)',
    (from, to) => from.startsWith('src/features/') && (/^src\/app(-worker)?\.ts$/.test(to) || (/^src\/(jobs|cli)\//.test(to) && to !== 'src/jobs/registry.ts'))],
  ['no feature imports another feature\'s routes',
    (from, to) => from.startsWith('src/features/') && unitOf(from) !== unitOf(to) && /^src\/features\/[^/]+\/([^/]+-)?routes\.ts$/.test(to)],
];

function stronglyConnected(nodes, next) {
  let index = 0;
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (v) => {
    order.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), order.get(w)));
      }
    }
    if (low.get(v) === order.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of nodes) if (!order.has(v)) visit(v);
  return components;
}

export function measure(edges) {
  const files = [...new Set(edges.flat())];
  const fileNext = new Map(files.map((f) => [f, new Set()]));
  for (const [a, b] of edges) fileNext.get(a).add(b);
  const fileCycles = stronglyConnected(files, (f) => fileNext.get(f)).filter((c) => c.length > 1 || fileNext.get(c[0]).has(c[0]));

  const folderImports = new Map();
  for (const [a, b] of edges) {
    const [ua, ub] = [unitOf(a), unitOf(b)];
    if (ua === ub) continue;
    const key = `${ua} -> ${ub}`;
    folderImports.set(key, [...(folderImports.get(key) ?? []), `${a} -> ${b}`]);
  }
  const units = [...new Set(files.map(unitOf))];
  const unitNext = new Map(units.map((u) => [u, new Set()]));
  for (const key of folderImports.keys()) {
    const [a, b] = key.split(' -> ');
    unitNext.get(a).add(b);
  }
  const components = stronglyConnected(units, (u) => unitNext.get(u));
  const componentOf = new Map();
  components.forEach((c, i) => c.forEach((u) => componentOf.set(u, i)));
  const insideCycles = [];
  for (const [key, list] of folderImports) {
    const [a, b] = key.split(' -> ');
    if (componentOf.get(a) === componentOf.get(b)) insideCycles.push(...list);
  }
  // The longest chain of folder imports, counted between the folder cycles (the condensed graph).
  const memo = new Map();
  const longestFrom = (c) => {
    if (memo.has(c)) return memo.get(c);
    let best = 0;
    for (const u of components[c]) {
      for (const w of unitNext.get(u)) if (componentOf.get(w) !== c) best = Math.max(best, 1 + longestFrom(componentOf.get(w)));
    }
    memo.set(c, best);
    return best;
  };
  const longestFolderChain = Math.max(0, ...components.map((_, i) => longestFrom(i)));
  const broken = [];
  for (const [a, b] of edges) for (const [rule, test] of RULES) if (test(a, b)) broken.push(`${rule}: ${a} -> ${b}`);
  return {
    files: files.length,
    fileCycles,
    folderCycles: components.filter((c) => c.length > 1),
    insideCycles,
    longestFolderChain,
    broken,
  };
}

async function main() {
  const result = await cruise(['src'], {
    tsPreCompilationDeps: false,
    exclude: { path: '\\.test\\.ts$|/test-helpers\\.ts$|/test-support\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
  }, {}, { tsConfig: extractTSConfig(path.join(repo, 'tsconfig.json')) });
  const edges = [];
  for (const module of result.output.modules) {
    for (const dependency of module.dependencies) {
      if (dependency.resolved.startsWith('src/') && module.source.startsWith('src/')) edges.push([module.source, dependency.resolved]);
    }
  }
  const m = measure(edges);
  const summary = {
    files: m.files,
    fileCycles: m.fileCycles.length,
    foldersInCycles: m.folderCycles.map((c) => c.length),
    importsInsideFolderCycles: m.insideCycles.length,
    longestFolderChain: m.longestFolderChain,
    brokenRules: m.broken.length,
  };
  if (args.has('--json')) console.log(JSON.stringify(summary));
  else console.log(`import graph of src/: ${m.files} files, ${summary.fileCycles} file cycles, ${summary.importsInsideFolderCycles} imports inside folder cycles (max ${MAX_INSIDE_FOLDER_CYCLES}), longest folder chain ${m.longestFolderChain} (max ${MAX_FOLDER_CHAIN}), ${m.broken.length} broken rules`);
  const failures = [];
  for (const cycle of m.fileCycles) failures.push(`file cycle: ${cycle.join(' -> ')}`);
  if (m.insideCycles.length > MAX_INSIDE_FOLDER_CYCLES) {
    failures.push(`${m.insideCycles.length} imports inside folder cycles (${m.folderCycles.map((c) => c.join(', ')).join(' | ')})`);
    if (args.has('--verbose')) failures.push(...m.insideCycles.map((e) => `  inside a folder cycle: ${e}`));
  }
  if (m.longestFolderChain > MAX_FOLDER_CHAIN) failures.push(`a chain of ${m.longestFolderChain} folder imports`);
  failures.push(...m.broken);
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
