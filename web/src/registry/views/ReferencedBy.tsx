import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs } from '../../api.ts';
import { ErrorMessage, Loading, useFormat } from '../../components/ui.tsx';
import { useKinds } from '../hooks.ts';
import { useRegistryLabels } from '../labels.ts';
import type { Kind, RecordList } from '../types.ts';
import { listHref, useOrgLabels } from './common.tsx';

/**
 * Records of other kinds that refer to this one, grouped by administration (e.g. the users of an
 * equipment model: catalogue entries and field tests). Generic: any kind with a filterable ref field.
 */
export function ReferencedBy({
  kind,
  id,
  headingLevel = 2,
}: {
  kind: string;
  id: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const fmt = useFormat();
  const orgs = useOrgLabels();
  const kinds = useKinds();
  const referring = (kinds.data?.kinds ?? []).flatMap((k) =>
    k.fields
      .filter((f) => f.type === 'ref' && f.kind === kind && k.filters.includes(f.name))
      .map((f) => ({ kind: k, field: f.name })),
  );
  const lists = useQueries({
    queries: referring.map((r) => ({
      queryKey: ['registry', r.kind.name, 'list', 'referencing', r.field, id],
      queryFn: () =>
        api<RecordList>(`/registry/${r.kind.name}${qs({ [r.field]: id, status: 'published', limit: 500 })}`),
    })),
  });
  if (kinds.error) return <ErrorMessage error={kinds.error} />;
  if (kinds.isLoading || lists.some((l) => l.isLoading)) return <Loading />;
  return (
    <>
      {referring.map((r, i) => {
        const list = lists[i]!;
        if (list.error) return <ErrorMessage key={r.kind.name} error={list.error} />;
        const items = list.data?.items ?? [];
        const sumField = summedField(r.kind);
        const groups = new Map<string, { n: number; sum: number }>();
        for (const it of items) {
          const g = groups.get(it.owner_org_code) ?? { n: 0, sum: 0 };
          g.n += 1;
          const v = sumField ? it.data[sumField.name] : undefined;
          if (typeof v === 'number') g.sum += v;
          groups.set(it.owner_org_code, g);
        }
        const plural = labels.kindPlural(r.kind);
        const headingId = `referenced-by-${r.kind.name}`;
        return (
          <section
            key={`${r.kind.name}-${r.field}`}
            className="card referenced-by"
            aria-labelledby={headingId}
          >
            <Heading id={headingId}>{t('registryViews.usedBy.title', { kind: plural })}</Heading>
            {items.length === 0 ? (
              <p>{t('registryViews.usedBy.none')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">
                    {t('registryViews.usedBy.caption', { kind: plural })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('registryViews.usedBy.administration')}</th>
                      <th scope="col" className="num">
                        {t('registryViews.usedBy.records')}
                      </th>
                      {sumField && (
                        <th scope="col" className="num">
                          {labels.field(sumField)}
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {[...groups]
                      .sort((a, b) => orgs.label(a[0]).localeCompare(orgs.label(b[0])))
                      .map(([org, g]) => (
                        <tr key={org}>
                          <th scope="row">
                            <Link to={listHref(r.kind.name, { [r.field]: id, owner: org })}>
                              {orgs.label(org)}
                            </Link>
                          </th>
                          <td className="num">{fmt.number(g.n)}</td>
                          {sumField && <td className="num">{fmt.number(g.sum)}</td>}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The number field a kind's matrix or map view sums (e.g. quantity), if any. */
function summedField(kind: Kind) {
  const name = kind.views.find((v) => v.measure === 'sum' && v.sumField)?.sumField;
  return kind.fields.find((f) => f.name === name && f.type === 'number');
}

/** The administrations that use an equipment model (catalogue entries) and the tests of it. */
export function UsersOfModel({ modelId, headingLevel }: { modelId: string; headingLevel?: 2 | 3 }) {
  return <ReferencedBy kind="equipment_model" id={modelId} headingLevel={headingLevel ?? 2} />;
}
