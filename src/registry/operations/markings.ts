import { DISTRIBUTION_WORDS, DISTRIBUTIONS, TLP_MARKINGS, TLP_RULES } from '../../access/tlp.ts';
import type { MarkingRules } from '../../contract/access-shapes.ts';

/** The lists a distribution needs besides the marking itself. */
const NEEDS = { network: 'network', sharing_group: 'sharing_group', organisations: 'organisations' } as const;

/**
 * The markings and distributions with their machine rules, so that marking editors (the web app's
 * among them) decide nothing themselves: which marking names recipients, which allows public
 * distribution, which is exported, which distribution names a network, a group or organisations.
 */
export function markingRules(): MarkingRules {
  return {
    markings: TLP_MARKINGS.map((tlp) => ({ tlp, ...TLP_RULES[tlp] })),
    distributions: DISTRIBUTIONS.map((distribution) => ({
      distribution,
      rule: DISTRIBUTION_WORDS[distribution],
      needs:
        (NEEDS as Partial<Record<string, MarkingRules['distributions'][number]['needs']>>)[distribution] ??
        null,
    })),
  };
}
