import { describe, expect, it } from 'vitest';
import { checkMarking, markingBanner, TLP_RULES } from './tlp.ts';

describe('TLP rules', () => {
  it('allows public distribution with TLP:CLEAR only', () => {
    expect(checkMarking('public', 'clear')).toBeNull();
    for (const tlp of ['green', 'amber', 'amber_strict', 'red'] as const)
      expect(checkMarking('public', tlp)).toMatch(/CLEAR/);
    expect(checkMarking('network', 'red')).toBeNull();
  });
  it('never exports or quotes TLP:RED', () => {
    expect(TLP_RULES.red).toMatchObject({
      exportable: false,
      quoteInNotifications: false,
      quoteInEmail: false,
      namedRecipientsOnly: true,
    });
    expect(TLP_RULES.amber.quoteInEmail).toBe(false);
    expect(TLP_RULES.green.quoteInEmail).toBe(true);
  });
  it('states the sharing rule in words, ignoring the distribution for RED', () => {
    expect(markingBanner('network', 'amber')).toBe(
      'TLP:AMBER — Limited disclosure: recipients may share this only on a need-to-know basis within their organisation and its clients. Readable by the members of one network and the owning organisation.',
    );
    expect(markingBanner('eucab', 'red')).toMatch(/named recipients only\.$/);
  });
});
