/**
 * The import boundaries, as `npm run lint:boundaries` (part of `npm run lint`) checks them:
 *
 * 1. the rules of .dependency-cruiser.cjs (engines isolated, the web app imports only the
 *    contract, the contract is pure, no test code in production, every import resolves);
 * 2. no cycle between the top-level folders of src/ (src/access, src/registry, …; web/src counts
 *    as one more): if folder A imports folder B, nothing in B leads back to A.
 *
 * Why a script for (2): dependency-cruiser's own folder rules (`scope: 'folder'`) look at every
 * directory — src/registry/kinds apart from src/registry — and at every file in it, tests
 * included. The rule here is about production code between the top-level folders, so the folder
 * graph is built from the cruise result: tests and test helpers are left out (the
 * `not-to-test-code` rule makes sure nothing else imports them), and so are the few module edges
 * in ALLOWED_FOLDER_EDGES, each with its reason.
 */
import { fileURLToPath } from 'node:url';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const CONFIG = './.dependency-cruiser.cjs';
const ROOTS = ['src', 'web/src'];

/** Module edges left out of the folder graph. Keep this list short; say why for each. */
const ALLOWED_FOLDER_EDGES = [
  {
    from: 'src/access/shared-kinds.ts',
    to: 'src/registry/kinds/index.ts',
    reason:
      'the audit and notification rules cover every registry kind, so the table of shared kinds lists ' +
      'them; the kinds are declarations (the rule shared-kinds-reach-only-definitions keeps them so)',
  },
];

const TEST_CODE = /(^src\/testing\/|\/testing\/|\.test\.tsx?$|-test-helpers\.ts$|\/test-zip\.ts$)/;

/** The folder a module counts for: src/<folder>, or web/src. */
function folderOf(path) {
  if (path.startsWith('web/src/')) return 'web/src';
  const m = /^src\/([^/]+)\//.exec(path);
  return m ? `src/${m[1]}` : null;
}

/** Folder → folder → the module edges behind it. */
function folderGraph(modules) {
  const graph = new Map();
  const allowedSeen = new Set();
  for (const m of modules) {
    const from = folderOf(m.source);
    if (!from || TEST_CODE.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = d.couldNotResolve || d.coreModule ? null : folderOf(d.resolved);
      if (!to || to === from) continue;
      const allowed = ALLOWED_FOLDER_EDGES.find((e) => e.from === m.source && e.to === d.resolved);
      if (allowed) {
        allowedSeen.add(allowed);
        continue;
      }
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to).push(`${m.source} → ${d.resolved}`);
    }
  }
  return { graph, stale: ALLOWED_FOLDER_EDGES.filter((e) => !allowedSeen.has(e)) };
}

/** Strongly connected components with more than one folder (Tarjan): each is at least one cycle. */
function folderCycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

const options = await extractDepcruiseOptions(CONFIG);
const { output } = await cruise(ROOTS, { ...options, outputType: 'json' });
const result = typeof output === 'string' ? JSON.parse(output) : output;

const rules = await format(result, { outputType: 'err' });
let failed = rules.exitCode !== 0;
if (failed) process.stdout.write(rules.output);

const { graph, stale } = folderGraph(result.modules);
for (const e of stale) {
  failed = true;
  console.log(`\n  error stale exception: ${e.from} → ${e.to} is no longer imported; remove it from`);
  console.log('    ALLOWED_FOLDER_EDGES in scripts/check-boundaries.mjs.');
}
/** The shortest loop through the folders of one cycle (breadth-first from each of them). */
function shortestLoop(graph, component) {
  const inside = new Set(component);
  let best = null;
  for (const start of component) {
    const previous = new Map([[start, null]]);
    const queue = [start];
    let loop = null;
    while (queue.length && !loop) {
      const v = queue.shift();
      for (const w of graph.get(v)?.keys() ?? []) {
        if (!inside.has(w)) continue;
        if (w === start) {
          loop = [start];
          for (let u = v; u !== start; u = previous.get(u)) loop.splice(1, 0, u);
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    if (loop && (!best || loop.length < best.length)) best = loop;
  }
  return best;
}

const cycles = folderCycles(graph);
for (const cycle of cycles) {
  failed = true;
  const loop = shortestLoop(graph, cycle);
  console.log(`\n  error folder cycle: ${[...loop, loop[0]].join(' → ')}`);
  loop.forEach((from, i) => {
    const to = loop[(i + 1) % loop.length];
    const edges = graph.get(from).get(to);
    const more = edges.length > 2 ? ` (and ${edges.length - 2} more)` : '';
    console.log(`    ${edges.slice(0, 2).join(', ')}${more}`);
  });
  if (cycle.length > loop.length) console.log(`    (folders caught in the cycle: ${cycle.join(', ')})`);
  console.log('    Move what the lower folder needs down (a type, a constant, a function), or pass it in.');
}

const folders = new Set([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
if (failed) {
  console.log('\nImport boundaries broken: see ARCHITECTURE.md, "Boundaries".');
  process.exit(1);
}
console.log(
  `Import boundaries hold: ${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} ` +
    `imports, ${folders.size} folders without a cycle.`,
);
