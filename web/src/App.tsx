import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api } from './api.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { ErrorMessage, Loading, PageTitle } from './components/ui.tsx';
import { storedLanguage } from './i18n/index.ts';
import { WEB_MODULES } from './modules.ts';
import { useMe, useSessionChanged } from './session.ts';
import type { WebNavEntry } from './web-module.ts';

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

/** One entry of the main navigation, from a web module's manifest (web/src/modules.ts). */
function NavEntry({ entry }: { entry: WebNavEntry }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if ('item' in entry) {
    const Item = entry.item;
    return <Item />;
  }
  if (entry.visible && !(me && entry.visible(me))) return null;
  return (
    <li>
      <NavLink to={entry.to} end={entry.end}>
        {t(entry.label)}
      </NavLink>
    </li>
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
              {WEB_MODULES.flatMap((m) => m.nav ?? []).map((entry) => (
                <NavEntry key={'item' in entry ? entry.item.name : entry.to} entry={entry} />
              ))}
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
        {WEB_MODULES.flatMap((m) =>
          m.routes.map((r) => (
            <Route key={r.path} path={r.path} element={r.public ? r.element : p(r.element)} />
          )),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
