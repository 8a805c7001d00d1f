import { canWrite, isUser } from '../../access/actor.ts';
import { recordAbilities } from '../../access/registry-policy.ts';
import { approvalSteps, type KindDefinition } from '../../registry/definition.ts';
import { ENVELOPE_COLUMNS, readableKindQuery, recipientsByRecord } from '../../registry/record-queries.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask, HomeTile } from '../home/home-item.ts';

const label = (k: KindDefinition, what: 'plural' | 'label') => ({
  labels: what === 'plural' ? k.labelPlural : k.label,
});

/** Per kind: the published records the caller may read (the same filter as the list's count). */
export async function registryHomeTiles(
  { db, actor }: ModuleReadContext,
  kinds: readonly KindDefinition[],
): Promise<HomeTile[]> {
  const tiles: HomeTile[] = [];
  for (const k of kinds) {
    const r = await readableKindQuery(db, actor, k, { status: 'published', fields: {} })
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    tiles.push({
      id: `registry.${k.name}`,
      area: k.area,
      title: { key: 'registry.dashboard.published', params: { kind: label(k, 'plural') } },
      count: Number(r.n),
      link: `/registry/${k.name}`,
    });
  }
  return tiles;
}

/** Checked per record (by its abilities) at most this many: a home page, not a report. */
const LIMIT = 500;

/**
 * What waits for the caller in the registry: submitted records of kinds with approval steps whose
 * waiting step they may decide (`abilities.approve`: a colleague's, or one a step names them for),
 * and their own drafts not yet published.
 */
export async function registryHomeTasks(
  { db, actor }: ModuleReadContext,
  kinds: readonly KindDefinition[],
): Promise<HomeTask[]> {
  if (!isUser(actor) || !canWrite(actor)) return [];
  const tasks: HomeTask[] = [];
  for (const k of kinds) {
    if (approvalSteps(k).length) {
      const rows = await readableKindQuery(db, actor, k, { status: 'submitted', fields: {} })
        .select([
          'r.id',
          'r.owner_org_id',
          'r.author_id',
          'r.distribution',
          'r.distribution_network_id',
          'r.sharing_group_id',
          'r.tlp',
          'r.status',
          'r.submitted_by',
          ...ENVELOPE_COLUMNS,
        ])
        .limit(LIMIT)
        .execute();
      const recipients = await recipientsByRecord(
        db,
        k.name,
        rows.map((r) => r.id),
      );
      const n = rows.filter(
        (r) => recordAbilities(actor, { ...r, recipients: recipients.get(r.id) ?? [] }, k).approve,
      ).length;
      if (n > 0)
        tasks.push({
          id: `registry.${k.name}.approve`,
          area: k.area,
          title: { key: 'registry.dashboard.toApprove', params: { kind: label(k, 'label') } },
          count: n,
          link: `/registry/${k.name}?status=submitted`,
        });
    }
    const drafts = await readableKindQuery(db, actor, k, { status: 'draft', fields: {} })
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('r.author_id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    if (Number(drafts.n) > 0)
      tasks.push({
        id: `registry.${k.name}.drafts`,
        area: k.area,
        title: { key: 'registry.dashboard.drafts', params: { kind: label(k, 'label') } },
        count: Number(drafts.n),
        link: `/registry/${k.name}?status=draft`,
      });
  }
  return tasks;
}
