/**
 * Per-pattern F1 of the pair scorer on the labelled cross-checks in bench/screening/patterns/.
 * Run: npx tsx bench/screening/patterns.ts [--errors]
 */
import { evaluatePatterns } from '../../src/engines/screening/patterns.ts';

const results = evaluatePatterns();
const lines = ['| pattern | n | TP | FP | FN | TN | F1 |', '|---|---|---|---|---|---|---|'];
for (const r of results)
  lines.push(`| ${r.pattern} | ${r.n} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.tn} | ${r.f1.toFixed(3)} |`);
if (process.argv.includes('--errors'))
  for (const r of results) for (const e of r.errors) lines.push(`${r.pattern}: ${e}`);
process.stdout.write(`${lines.join('\n')}\n`);
