import { useTranslation } from 'react-i18next';
import type { Hit } from './types.ts';

/** Hits with their explanation: which name parts matched, identifiers, date/country penalties, score vs threshold. */
export function HitList({ hits, threshold }: { hits: Hit[]; threshold: number }) {
  const { t } = useTranslation();
  if (!hits.length) return <p>{t('screening.hits.none')}</p>;
  return (
    <ol className="screening-hits">
      {hits.map((h) => (
        <li
          key={h.entityId}
          className={`screening-hit screening-hit-${h.suppressed ? 'suppressed' : h.band}`}
        >
          <p>
            <strong>{h.entityName}</strong> · {h.listId}
            {h.isDemo && <span className="screening-demo-badge"> {t('screening.demoBadge')}</span>} ·{' '}
            {h.entityId}
          </p>
          <p>
            {t('screening.hits.score', { score: h.score.toFixed(3), threshold: threshold.toFixed(2) })}{' '}
            <span className="screening-band">
              {h.suppressed
                ? t('screening.hits.suppressed')
                : h.band === 'match'
                  ? t('screening.hits.match')
                  : t('screening.hits.review')}
            </span>
            {h.caseState && !h.suppressed && <> · {t(`screening.state.${h.caseState}`)}</>}
          </p>
          <p className="screening-why">{t('screening.hits.why')}</p>
          <ul className="screening-explanation">
            {h.explanation.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
