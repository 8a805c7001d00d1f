import anyAscii from 'any-ascii';
import { normalizeName } from './src/engines/screening/normalize.ts';
import { compareNames, explainComparison } from './src/engines/screening/compare.ts';
const pairs = process.argv.slice(2);
for (let i = 0; i < pairs.length; i += 2) {
  const a = normalizeName(pairs[i]!, 'person'), b = normalizeName(pairs[i+1]!, 'person');
  console.log(anyAscii(pairs[i]!), '|', a.tokens.map(t=>t.form+'/'+t.skeleton).join(' '), '||', b.tokens.map(t=>t.form+'/'+t.skeleton).join(' '));
  const c = compareNames(a, b); console.log(c.score.toFixed(3), explainComparison(c));
}
