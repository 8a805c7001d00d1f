import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../api.ts';
import { useSentence } from './sentence.tsx';
import { useFormat } from './ui.tsx';

/** The action of an audit event in words (unknown actions fall back to their code). */
export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => t(`auditActions.${action.replace('.', '_')}`, { defaultValue: action });
}

/**
 * An audit event as a sentence ("Anna Schmidt published “X” (Tender)"), from the module that
 * writes its action; an event of an action no module declares any more reads as its label.
 */
export function useEventSentence() {
  const sentence = useSentence();
  const label = useActionLabel();
  return (e: AuditEvent) => (e.sentence ? sentence(e.sentence) : label(e.action));
}

export function recordLink(kind: string | null, id: string | null): string | null {
  if (!kind || !id) return null;
  if (kind === 'announcement') return `/registry/announcement/${id}`;
  if (kind === 'organisation') return `/organisations/${id}`;
  if (kind === 'user') return `/users/${id}`;
  if (kind === 'membership') return '/memberships';
  return null;
}

function short(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 80)}…` : v;
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

/** Changed fields of an event: before → after, or "values hidden" when the reader may not see them. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (event.valuesHidden) return <span className="muted">{t('audit.valuesHidden')}</span>;
  const entries = Object.entries(event.changes ?? {});
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="changes">
      {entries.map(([k, v]) => {
        const ba =
          v && typeof v === 'object' && !Array.isArray(v) && ('before' in v || 'after' in v)
            ? (v as { before?: unknown; after?: unknown })
            : null;
        return (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              {ba ? (
                ba.before === null || ba.before === undefined ? (
                  <span className="after">{short(ba.after)}</span>
                ) : (
                  <>
                    <span className="before">{short(ba.before)}</span>
                    {'after' in ba && (
                      <>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden"> {t('audit.changedTo')} </span>
                        <span className="after">{short(ba.after)}</span>
                      </>
                    )}
                  </>
                )
              ) : (
                short(v)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A short name for the record of an event, from its changes (only when the values are visible). */
function subjectOf(e: AuditEvent): string | null {
  if (e.valuesHidden || !e.changes) return null;
  for (const key of ['title', 'name', 'email', 'display_name', 'network']) {
    const v = e.changes[key];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const ba = v as { before?: unknown; after?: unknown };
      const x = ba.after ?? ba.before;
      if (typeof x === 'string') return x;
    }
  }
  return null;
}

/** A compact activity feed (home page, record history). */
export function ActivityList({ events, showChanges }: { events: AuditEvent[]; showChanges?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useActionLabel();
  const says = useEventSentence();
  if (events.length === 0) return <p className="muted">{t('audit.empty')}</p>;
  return (
    <ol className="activity">
      {events.map((e) => {
        const link = recordLink(e.record_kind, e.record_id);
        const subject = showChanges || e.sentence ? null : subjectOf(e);
        const text = e.sentence ? says(e) : label(e.action);
        return (
          <li key={e.id}>
            <div className="activity-line">
              <span>
                <span className="activity-action">{link ? <Link to={link}>{text}</Link> : text}</span>
                {subject && <span className="activity-subject"> · {subject}</span>}
              </span>
              <span className="muted">
                {t('audit.by', { actor: e.actor_label })} ·{' '}
                <time dateTime={e.occurred_at}>{f.dateTime(e.occurred_at)}</time>
              </span>
            </div>
            {showChanges && <AuditChanges event={e} />}
          </li>
        );
      })}
    </ol>
  );
}
