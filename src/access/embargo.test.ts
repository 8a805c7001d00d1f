import { describe, expect, it } from 'vitest';
import { kindByName } from '../registry/kinds/index.ts';
import { type Actor, anonymousActor } from './actor.ts';
import { isReleased, type RegistryEnvelope, recordAbilities } from './registry-policy.ts';

const kind = kindByName('message')!;
const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function user(userId: string, orgId: string): Actor {
  return {
    kind: 'user',
    userId,
    label: userId,
    orgId,
    orgType: 'national_administration',
    orgRoles: new Set(),
    networkRoles: new Map(),
    networkCodes: new Map(),
    sharingGroupIds: new Set(),
    scopes: null,
    readOnlyCredential: false,
  } as Actor;
}

const envelope = (over: Partial<RegistryEnvelope>): RegistryEnvelope => ({
  id: 'm',
  owner_org_id: 'org-de',
  author_id: 'author',
  distribution: 'public',
  distribution_network_id: null,
  sharing_group_id: null,
  tlp: 'clear',
  recipients: [],
  named_org_ids: [],
  editor_ids: [],
  status: 'published',
  submitted_by: null,
  approval: null,
  embargo_at: iso(Date.now() + hour),
  embargo_reader_ids: ['reviewer'],
  ...over,
});

describe('the embargo of kinds released at a moment', () => {
  it('is released only when published and the moment has passed', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(isReleased({ status: 'published', embargo_at: '2026-03-02T09:00:00Z' }, now)).toBe(true);
    expect(isReleased({ status: 'published', embargo_at: '2026-03-02T09:00:01Z' }, now)).toBe(false);
    expect(isReleased({ status: 'draft', embargo_at: '2026-03-01T09:00:00Z' }, now)).toBe(false);
    expect(isReleased({ status: 'published', embargo_at: null }, now)).toBe(false);
    expect(isReleased({ status: 'published' }, now)).toBe(false);
  });

  it('before the moment, only insiders read a public message; after, anyone', () => {
    const before = envelope({});
    expect(recordAbilities(anonymousActor, before, kind).read).toBe(false);
    expect(recordAbilities(user('someone', 'org-pl'), before, kind).read).toBe(false);
    expect(recordAbilities(user('colleague', 'org-de'), before, kind).read).toBe(true);
    const reviewer = recordAbilities(user('reviewer', 'org-be'), before, kind);
    expect(reviewer).toMatchObject({
      read: true,
      update: false,
      share: false,
      comment: false,
      retract: false,
    });
    const after = envelope({ embargo_at: iso(Date.now() - hour) });
    expect(recordAbilities(anonymousActor, after, kind).read).toBe(true);
    expect(recordAbilities(user('someone', 'org-pl'), after, kind).read).toBe(true);
  });

  it('under TLP:RED, insiders read only as named recipients', () => {
    const red = envelope({ tlp: 'red', distribution: 'organisation', recipients: ['reviewer'] });
    expect(recordAbilities(user('reviewer', 'org-be'), red, kind).read).toBe(true);
    expect(recordAbilities(user('colleague', 'org-de'), red, kind).read).toBe(false);
  });
});
