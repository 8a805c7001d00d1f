import type { Actor } from '../../../access/actor.ts';
import { campaignAbilities } from '../../../access/mapping-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database, Trx } from '../../../db/connection.ts';
import { badRequest, forbidden, HttpError } from '../../../http/errors.ts';
import { memberStates } from '../../../reference/member-states.ts';
import type { KindDefinition } from '../../../registry/definition.ts';
import { kindByName } from '../../../registry/kinds/index.ts';
import type { UserActor } from '../../../registry/operations/types.ts';
import { createRecord, updateRecord } from '../../../registry/record-service.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { loadCampaign } from '../campaign-access.ts';
import { checkRecordMappings, entryData, type RecordMapping } from '../record-mapping-check.ts';

/** The repeat groups of a campaign mapped to registry kinds. */
export async function recordMappingsOf(db: Database | Trx, campaignId: string): Promise<RecordMapping[]> {
  const rows = await db
    .selectFrom('mapping_record_mappings')
    .select(['repeat_code', 'kind', 'fields'])
    .where('campaign_id', '=', campaignId)
    .orderBy('repeat_code')
    .execute();
  return rows.map((r) => ({ repeat: r.repeat_code, kind: r.kind, fields: r.fields }));
}

async function codesOf(db: Database, mappings: RecordMapping[]) {
  const lists = new Set<string>();
  for (const m of mappings)
    for (const f of Object.values(kindByName(m.kind)?.fields ?? {})) {
      if (f.type === 'code') lists.add(f.codeList);
      if (f.type === 'list' && f.of.type === 'code') lists.add(f.of.codeList);
    }
  const rows = lists.size
    ? await db
        .selectFrom('code_list_entries')
        .select(['list', 'code'])
        .where('list', 'in', [...lists])
        .where('active', '=', true)
        .execute()
    : [];
  const byList = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!byList.has(r.list)) byList.set(r.list, new Set());
    byList.get(r.list)!.add(r.code);
  }
  return (list: string): ReadonlySet<string> => byList.get(list) ?? new Set();
}

/**
 * The coordinator maps repeat groups of the campaign's questionnaire to registry kinds (replacing the
 * previous mappings; an empty list removes them). Each mapping is checked against the kind's definition
 * now: field types, code lists, required fields. Validations from then on feed draft records.
 */
export async function setRecordMappings(
  deps: Pick<AppDeps, 'db' | 'outbox'>,
  a: Actor,
  campaignId: string,
  mappings: RecordMapping[],
) {
  const { row, facts, definition } = await loadCampaign(deps.db, a, campaignId);
  if (!campaignAbilities(a, facts, new Date()).mapRecords)
    throw forbidden('Only a coordinator of the campaign’s network maps its answers to registry kinds.');
  const problems = checkRecordMappings(definition, mappings, {
    kind: kindByName,
    codes: await codesOf(deps.db, mappings),
    memberStates: new Set(memberStates().map((m) => m.code)),
  });
  if (problems.length)
    throw badRequest(
      `The mapping does not fit: ${problems
        .slice(0, 10)
        .map((p) => `${p.field.replace(/^body\./, '')}: ${p.message}`)
        .join('; ')}`,
      problems,
    );
  const before = await recordMappingsOf(deps.db, campaignId);
  await change(deps, async (trx) => {
    await trx.deleteFrom('mapping_record_mappings').where('campaign_id', '=', campaignId).execute();
    if (mappings.length)
      await trx
        .insertInto('mapping_record_mappings')
        .values(
          mappings.map((m) => ({
            campaign_id: campaignId,
            repeat_code: m.repeat,
            kind: m.kind,
            fields: JSON.stringify(m.fields),
            set_by: a.userId!,
          })),
        )
        .execute();
    await recordAudit(trx, a, {
      action: 'mapping_campaign.records_mapped',
      recordKind: 'mapping_campaign',
      recordId: row.id,
      changes: { before, after: mappings },
    });
  });
  return { campaignId, mappings: await recordMappingsOf(deps.db, campaignId) };
}

export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'kept' | 'exists' | 'not_in_answers';

export interface FedRecord {
  repeat: string;
  /** the entry's position in the repeat group, from 1 */
  entry: number;
  kind: string;
  recordId: string | null;
  /** the record's workflow status */
  status: string | null;
  outcome: RecordOutcome;
  message: string;
}

const MESSAGES: Record<RecordOutcome, (k: KindDefinition, status: string | null) => string> = {
  created: (k) =>
    `A draft ${k.label.en.toLowerCase()} was created for your administration to review and publish.`,
  updated: (k) => `The draft ${k.label.en.toLowerCase()} was updated from the answers.`,
  unchanged: (k) => `The draft ${k.label.en.toLowerCase()} already holds these answers.`,
  kept: (k, s) =>
    `The ${k.label.en.toLowerCase()} is ${s} and was left as it is: correct it in the registry if the answers changed.`,
  exists: (k) =>
    `Your administration already has a ${k.label.en.toLowerCase()} with the same ${k.importKey.join(' and ')}: no draft was added.`,
  not_in_answers: (k) =>
    `This entry is no longer in the answers: its ${k.label.en.toLowerCase()} was left as it is.`,
};

/**
 * Inside the validation's transaction: each entry of each mapped repeat group becomes a draft record
 * of the kind owned by the response's administration, authored by the validator (`a`), through the
 * registry's own steps (policy, validation, version, audit). An entry already linked to a record
 * updates it while it is a draft and leaves it alone otherwise. A record the registry refuses stops
 * the validation with the entry and field named.
 */
export async function feedRecords(
  trx: Trx,
  a: UserActor,
  response: { id: string; answers: Record<string, unknown> },
  campaignId: string,
  campaignTitle: string,
): Promise<FedRecord[]> {
  const out: FedRecord[] = [];
  for (const m of await recordMappingsOf(trx, campaignId)) {
    const kind = kindByName(m.kind);
    if (!kind) continue;
    const entries = Array.isArray(response.answers[m.repeat])
      ? (response.answers[m.repeat] as Record<string, unknown>[])
      : [];
    const links = new Map(
      (
        await trx
          .selectFrom('mapping_record_links as l')
          .innerJoin('registry_records as r', 'r.id', 'l.record_id')
          .select(['l.entry', 'l.kind', 'l.record_id', 'r.status'])
          .where('l.response_id', '=', response.id)
          .where('l.repeat_code', '=', m.repeat)
          .execute()
      ).map((l) => [l.entry, l]),
    );
    const push = (entry: number, recordId: string | null, status: string | null, outcome: RecordOutcome) =>
      out.push({
        repeat: m.repeat,
        entry: entry + 1,
        kind: kind.name,
        recordId,
        status,
        outcome,
        message: MESSAGES[outcome](kind, status),
      });
    for (const [i, entry] of entries.entries()) {
      const data = entryData(m, entry ?? {});
      const link = links.get(i);
      try {
        if (link && link.kind === kind.name) {
          if (link.status !== 'draft') {
            push(i, link.record_id, link.status, 'kept');
            continue;
          }
          const u = await updateRecord(trx, a, kind, link.record_id, {
            data,
            note: `updated from the validated answers of "${campaignTitle}"`,
          });
          push(i, link.record_id, 'draft', u.changed ? 'updated' : 'unchanged');
          continue;
        }
        const created = await createRecord(trx, a, kind, { data });
        await trx
          .insertInto('mapping_record_links')
          .values({
            response_id: response.id,
            repeat_code: m.repeat,
            entry: i,
            kind: kind.name,
            record_id: created.id,
          })
          .onConflict((oc) =>
            oc.columns(['response_id', 'repeat_code', 'entry']).doUpdateSet({
              kind: kind.name,
              record_id: created.id,
              linked_at: new Date(),
            }),
          )
          .execute();
        push(i, created.id, created.status, 'created');
      } catch (e) {
        if (e instanceof HttpError && e.status === 409) {
          push(i, null, null, 'exists');
          continue;
        }
        if (e instanceof HttpError && e.status === 400)
          throw badRequest(
            `Entry ${i + 1} of ${m.repeat} cannot become a draft ${kind.label.en.toLowerCase()}: ${e.message} Correct the answers (reopened by the coordinator if needed) and validate again.`,
            (e.errors ?? []).map((x) => ({
              field: `answers.${m.repeat}[${i}].${fieldQuestion(m, x.field)}`,
              message: x.message,
            })),
          );
        throw e;
      }
    }
    for (const [i, l] of links) if (i >= entries.length) push(i, l.record_id, l.status, 'not_in_answers');
  }
  return out;
}

/** The question that feeds a record field (`data.title` → its question code). */
function fieldQuestion(m: RecordMapping, path: string): string {
  const field = path.replace(/^data\./, '').split('.')[0] ?? '';
  return Object.entries(m.fields).find(([, f]) => f === field)?.[0] ?? field;
}

/** The records a response's entries became (for users of its administration, who may read the drafts). */
export async function linkedRecords(db: Database, responseId: string) {
  const rows = await db
    .selectFrom('mapping_record_links as l')
    .innerJoin('registry_records as r', 'r.id', 'l.record_id')
    .select(['l.repeat_code', 'l.entry', 'l.kind', 'l.record_id', 'r.status', 'r.title'])
    .where('l.response_id', '=', responseId)
    .orderBy('l.repeat_code')
    .orderBy('l.entry')
    .execute();
  return rows.map((r) => ({
    repeat: r.repeat_code,
    entry: r.entry + 1,
    kind: r.kind,
    recordId: r.record_id,
    status: r.status,
    title: r.title,
  }));
}
