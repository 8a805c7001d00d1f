import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { ErrorMessage, Loading, PageTitle } from '../../components/ui.tsx';
import { useKind } from '../hooks.ts';
import { useRegistryLabels } from '../labels.ts';
import { CompareView } from './CompareView.tsx';
import { ComplianceView } from './ComplianceView.tsx';
import { MatrixView } from './MatrixView.tsx';
import './views.css';

// The map brings d3-geo and the world geometry: its own chunk, loaded when a map is opened.
const MapView = lazy(() => import('./MapView.tsx'));

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
  const title = labels.view(kind.name, view.type, view.label);
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
                <NavLink to={`/registry/${kind.name}/views/${v.type}`}>
                  {labels.view(kind.name, v.type, v.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {view.type === 'matrix' && <MatrixView key={kind.name} kind={kind} view={view} />}
      {view.type === 'map' && (
        <Suspense fallback={<Loading />}>
          <MapView key={kind.name} kind={kind} view={view} />
        </Suspense>
      )}
      {view.type === 'compare' && <CompareView key={kind.name} kind={kind} view={view} />}
      {view.type === 'compliance' && <ComplianceView key={kind.name} kind={kind} view={view} />}
    </>
  );
}
