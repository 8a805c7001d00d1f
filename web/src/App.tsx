import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { api } from './api.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { ErrorMessage, Loading, PageTitle } from './components/ui.tsx';
import { storedLanguage } from './i18n/index.ts';
import { AccountPage } from './pages/AccountPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { JobPage, JobsPage } from './pages/JobsPage.tsx';
import { MembershipsPage } from './pages/MembershipsPage.tsx';
import { NetworkPage } from './pages/NetworkPage.tsx';
import { NetworksPage } from './pages/NetworksPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OrganisationPage, OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { ScheduledTasksPage } from './pages/ScheduledTasksPage.tsx';
import { SharingGroupsPage } from './pages/SharingGroupsPage.tsx';
import {
  EnrolPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  TotpPage,
} from './pages/SignInPages.tsx';
import { UserImportPage } from './pages/UserImportPage.tsx';
import { UserPage, UsersPage } from './pages/UsersPage.tsx';
import { ImportWizardPage } from './registry/ImportWizardPage.tsx';
import { RecordFormPage } from './registry/RecordFormPage.tsx';
import { RecordPage } from './registry/RecordPage.tsx';
import { RegistryHomePage } from './registry/RegistryHomePage.tsx';
import { RegistryListPage } from './registry/RegistryListPage.tsx';
import { RegistryViewPage } from './registry/views/RegistryViewPage.tsx';
import { BatchPage } from './risk/BatchPage.tsx';
import { ModelPage } from './risk/ModelPage.tsx';
import { RiskNavItem } from './risk/RiskNav.tsx';
import { RiskPage } from './risk/RiskPage.tsx';
import { ScreeningNavItem } from './screening/ScreeningNav.tsx';
import { ScreeningPage } from './screening/ScreeningPage.tsx';
import { useMe, useSessionChanged } from './session.ts';

/** Moves focus to the new page's heading after a route change (not on the first load). */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The new page may still be loading: wait briefly for its heading, else focus <main>.
    let tries = 0;
    let h: ReturnType<typeof setTimeout>;
    const focus = () => {
      const title = document.getElementById('page-title');
      if (title || tries++ > 30) {
        (title ?? document.getElementById('main'))?.focus({ preventScroll: true });
        const anchor = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
        if (anchor) anchor.scrollIntoView();
        else window.scrollTo(0, 0);
      } else h = setTimeout(focus, 50);
    };
    h = setTimeout(focus, 0);
    return () => clearTimeout(h);
  }, [pathname]);
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('nav.skip')}
    </a>
  );
}

function UnreadBadge() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<{ unread: number }>('/notifications?unread=true&limit=1'),
    refetchInterval: 60_000,
  });
  const n = data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="nav-notifications">
      {t('nav.notifications')}
      {n > 0 && (
        <span className="count-badge">
          {n}
          <span className="visually-hidden"> {t('notifications.unreadShort')}</span>
        </span>
      )}
    </NavLink>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const sessionChanged = useSessionChanged();
  useFocusOnNavigate();
  const { i18n } = useTranslation();
  const full = me?.stage === 'full';
  const profileLocale = me?.user?.locale;
  // Without a choice made in this browser, the profile's language applies.
  useEffect(() => {
    if (profileLocale && !storedLanguage() && profileLocale !== i18n.language) {
      void i18n.changeLanguage(profileLocale);
      document.documentElement.lang = profileLocale;
    }
  }, [profileLocale, i18n]);
  const ab = me?.abilities;
  async function signOut() {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    await sessionChanged();
    navigate('/signin');
  }
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              EU
            </span>
            <span>
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-sub">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitcher />
            {full && (
              <>
                <UnreadBadge />
                <NavLink to="/account">{me.user?.displayName}</NavLink>
                <button type="button" className="button button-secondary button-small" onClick={signOut}>
                  {t('nav.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
        {full && (
          <nav aria-label={t('nav.main')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/networks">{t('nav.networks')}</NavLink>
              </li>
              <li>
                <NavLink to="/registry/announcement">{t('nav.announcements')}</NavLink>
              </li>
              <li>
                <NavLink to="/memberships">{t('nav.memberships')}</NavLink>
              </li>
              <li>
                <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
              </li>
              <li>
                <NavLink to="/registry">{t('registry.nav')}</NavLink>
              </li>
              {(ab?.manageUsersOfOwnOrg || ab?.platformAdmin) && (
                <li>
                  <NavLink to="/users">{t('nav.users')}</NavLink>
                </li>
              )}
              <RiskNavItem />
              <ScreeningNavItem />
              <li>
                <NavLink to="/audit">{t('nav.audit')}</NavLink>
              </li>
              <li>
                <NavLink to="/jobs">{t('jobs.nav')}</NavLink>
              </li>
            </ul>
          </nav>
        )}
      </header>
      {full && ab?.readOnly && (
        <div className="readonly-banner" role="note">
          {t('app.readOnlyBanner')}
        </div>
      )}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          {t('app.footer')} · <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </>
  );
}

/** Pages behind sign-in: anonymous visitors go to /signin, half-signed-in ones to their step. */
function Protected({ children }: { children: ReactNode }) {
  const { data: me, isLoading, error } = useMe();
  const location = useLocation();
  if (error && !me) return <ErrorMessage error={error} />;
  if (isLoading || !me) return <Loading />;
  if (me.stage === 'mfa') return <Navigate to="/signin/totp" replace />;
  if (me.stage === 'enrol') return <Navigate to="/signin/enrol" replace />;
  if (me.stage !== 'full') {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

/**
 * Announcements are the registry kind `announcement`: the former pages' addresses (bookmarks,
 * old e-mails) lead to the registry's list and record pages (`?networkId=` becomes no filter).
 */
function FormerAnnouncementsPath() {
  const { id } = useParams();
  return <Navigate to={id ? `/registry/announcement/${id}` : '/registry/announcement'} replace />;
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.pageNotFound')}</PageTitle>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  );
}

export function App() {
  const p = (el: ReactNode) => <Protected>{el}</Protected>;
  return (
    <Shell>
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/signin/totp" element={<TotpPage />} />
        <Route path="/signin/enrol" element={<EnrolPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/" element={p(<HomePage />)} />
        <Route path="/networks" element={p(<NetworksPage />)} />
        <Route path="/networks/:id" element={p(<NetworkPage />)} />
        <Route path="/announcements" element={<FormerAnnouncementsPath />} />
        <Route path="/announcements/:id" element={<FormerAnnouncementsPath />} />
        <Route path="/notifications" element={p(<NotificationsPage />)} />
        <Route path="/organisations" element={p(<OrganisationsPage />)} />
        <Route path="/organisations/:id" element={p(<OrganisationPage />)} />
        <Route path="/sharing-groups" element={p(<SharingGroupsPage />)} />
        <Route path="/users" element={p(<UsersPage />)} />
        <Route path="/users/import" element={p(<UserImportPage />)} />
        <Route path="/jobs" element={p(<JobsPage />)} />
        <Route path="/jobs/:id" element={p(<JobPage />)} />
        <Route path="/users/:id" element={p(<UserPage />)} />
        <Route path="/memberships" element={p(<MembershipsPage />)} />
        <Route path="/account" element={p(<AccountPage />)} />
        <Route path="/audit" element={p(<AuditPage />)} />
        <Route path="/scheduled-tasks" element={p(<ScheduledTasksPage />)} />
        <Route path="/registry" element={p(<RegistryHomePage />)} />
        <Route path="/registry/:kind" element={p(<RegistryListPage />)} />
        <Route path="/registry/:kind/new" element={p(<RecordFormPage />)} />
        <Route path="/registry/:kind/import" element={p(<ImportWizardPage />)} />
        <Route path="/registry/:kind/:id" element={p(<RecordPage />)} />
        <Route path="/registry/:kind/:id/edit" element={p(<RecordFormPage />)} />
        <Route path="/registry/:kind/views/:viewType" element={p(<RegistryViewPage />)} />
        <Route path="/risk" element={p(<RiskPage />)} />
        <Route path="/risk/models/:id" element={p(<ModelPage />)} />
        <Route path="/risk/batches/:id" element={p(<BatchPage />)} />
        <Route path="/screening" element={p(<ScreeningPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
