import type { InitiativeText } from '../../src/modules/innovation/similarity/similarity.ts';
import { DEMO_INITIATIVES } from '../../src/seed/innovation-demo-initiatives.ts';

/** The benchmark's corpus: the demo initiatives as the similarity function sees them. */
export const CORPUS: InitiativeText[] = DEMO_INITIATIVES.map((d) => ({
  id: d.key,
  owner: d.country,
  language: d.language,
  title: d.title,
  summary: d.summary,
  secondSummary: d.second,
  domain: d.domain,
  trl: `trl_${d.trl}`,
  technologies: d.technologies,
}));
