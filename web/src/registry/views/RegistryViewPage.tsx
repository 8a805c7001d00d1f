import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { ErrorMessage, Loading, PageTitle } from '../../components/ui.tsx';
import { useKind } from '../hooks.ts';
import { useRegistryLabels } from '../labels.ts';
import './views.css';

// Each view is its own chunk, loaded when opened (the map brings d3-geo and the world geometry,
// the comparison echarts): the main bundle does not grow with them.
const MapView = lazy(() => import('./MapView.tsx'));
const MatrixView = lazy(() => import('./MatrixView.tsx').then((m) => ({ default: m.MatrixView })));
const CompareView = lazy(() => import('./CompareView.tsx').then((m) => ({ default: m.CompareView })));
const ComplianceView = lazy(() =>
  import('./ComplianceView.tsx').then((m) => ({ default: m.ComplianceView })),
);

const SHOWN = ['matrix', 'map', 'compare', 'compliance'];

/** /registry/:kind/views/:viewType — the views a kind declares, driven by its definition. */
export function RegistryViewPage() {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const { kind: name, viewType } = useParams();
  const { kind, isLoading, error } = useKind(name);
  if (error) return <ErrorMessage error={error} />;
  if (isLoading) return <Loading />;
  const view = kind?.views.find((v) => v.type === viewType && SHOWN.includes(v.type));
  if (!kind || !view) {
    return (
      <>
        <PageTitle>{t('registryViews.notFound')}</PageTitle>
        <p>
          <Link to={kind ? `/registry/${kind.name}` : '/registry'}>{t('registryViews.back')}</Link>
        </p>
      </>
    );
  }
  const title = labels.text(view.label);
  const others = kind.views.filter((v) => SHOWN.includes(v.type));
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/registry">{t('registryViews.registry')}</Link> ›{' '}
        <Link to={`/registry/${kind.name}`}>{labels.kindPlural(kind)}</Link>
      </nav>
      <PageTitle>{title}</PageTitle>
      {others.length > 1 && (
        <nav aria-label={t('registryViews.otherViews')} className="view-tabs">
          <ul>
            {others.map((v) => (
              <li key={v.type}>
                <NavLink to={`/registry/${kind.name}/views/${v.type}`}>{labels.text(v.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Suspense fallback={<Loading />}>
        {view.type === 'matrix' && <MatrixView key={kind.name} kind={kind} view={view} />}
        {view.type === 'map' && <MapView key={kind.name} kind={kind} view={view} />}
        {view.type === 'compare' && <CompareView key={kind.name} kind={kind} view={view} />}
        {view.type === 'compliance' && <ComplianceView key={kind.name} kind={kind} view={view} />}
      </Suspense>
    </>
  );
}
