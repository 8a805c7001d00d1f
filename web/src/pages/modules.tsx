import { defineWebModule } from '../web-module.ts';
import { AccountPage } from './AccountPage.tsx';
import { AuditPage } from './AuditPage.tsx';
import { FormerAnnouncementsPath } from './FormerAnnouncementsPath.tsx';
import { HomePage } from './HomePage.tsx';
import { JobPage, JobsPage } from './JobsPage.tsx';
import { MembershipsPage } from './MembershipsPage.tsx';
import { NetworkPage } from './NetworkPage.tsx';
import { NetworksPage } from './NetworksPage.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import { OrganisationPage, OrganisationsPage } from './OrganisationsPage.tsx';
import { ScheduledTasksPage } from './ScheduledTasksPage.tsx';
import { SharingGroupsPage } from './SharingGroupsPage.tsx';
import { EnrolPage, ForgotPasswordPage, ResetPasswordPage, SignInPage, TotpPage } from './SignInPages.tsx';
import { UserImportPage } from './UserImportPage.tsx';
import { UserPage, UsersPage } from './UsersPage.tsx';

/** The platform's own pages, one web module per area (the server's modules of the same names). */

export const authWebModule = defineWebModule({
  name: 'auth',
  routes: [
    { path: '/signin', element: <SignInPage />, public: true },
    { path: '/signin/totp', element: <TotpPage />, public: true },
    { path: '/signin/enrol', element: <EnrolPage />, public: true },
    { path: '/forgot-password', element: <ForgotPasswordPage />, public: true },
    { path: '/reset-password', element: <ResetPasswordPage />, public: true },
  ],
});

export const homeWebModule = defineWebModule({
  name: 'home',
  routes: [{ path: '/', element: <HomePage /> }],
  nav: [{ to: '/', label: 'nav.home', end: true }],
});

export const networksWebModule = defineWebModule({
  name: 'networks',
  routes: [
    { path: '/networks', element: <NetworksPage /> },
    { path: '/networks/:id', element: <NetworkPage /> },
  ],
  nav: [{ to: '/networks', label: 'nav.networks' }],
});

/** Announcements are registry records: the menu opens their registry list; former addresses redirect. */
export const announcementsWebModule = defineWebModule({
  name: 'announcements',
  routes: [
    { path: '/announcements', element: <FormerAnnouncementsPath />, public: true },
    { path: '/announcements/:id', element: <FormerAnnouncementsPath />, public: true },
  ],
  nav: [{ to: '/registry/announcement', label: 'nav.announcements' }],
});

export const membershipsWebModule = defineWebModule({
  name: 'memberships',
  routes: [{ path: '/memberships', element: <MembershipsPage /> }],
  nav: [{ to: '/memberships', label: 'nav.memberships' }],
});

export const organisationsWebModule = defineWebModule({
  name: 'organisations',
  routes: [
    { path: '/organisations', element: <OrganisationsPage /> },
    { path: '/organisations/:id', element: <OrganisationPage /> },
    { path: '/sharing-groups', element: <SharingGroupsPage /> },
  ],
  nav: [{ to: '/organisations', label: 'nav.organisations' }],
});

export const usersWebModule = defineWebModule({
  name: 'users',
  routes: [
    { path: '/users', element: <UsersPage /> },
    { path: '/users/import', element: <UserImportPage /> },
    { path: '/users/:id', element: <UserPage /> },
  ],
  nav: [
    {
      to: '/users',
      label: 'nav.users',
      visible: (me) => !!(me.abilities?.manageUsersOfOwnOrg || me.abilities?.platformAdmin),
    },
  ],
});

export const auditWebModule = defineWebModule({
  name: 'audit',
  routes: [{ path: '/audit', element: <AuditPage /> }],
  nav: [{ to: '/audit', label: 'nav.audit' }],
});

export const jobsWebModule = defineWebModule({
  name: 'jobs',
  routes: [
    { path: '/jobs', element: <JobsPage /> },
    { path: '/jobs/:id', element: <JobPage /> },
  ],
  nav: [{ to: '/jobs', label: 'jobs.nav' }],
});

/** Reached from the header's unread badge. */
export const notificationsWebModule = defineWebModule({
  name: 'notifications',
  routes: [{ path: '/notifications', element: <NotificationsPage /> }],
});

/** Reached from the header (the user's name). */
export const accountWebModule = defineWebModule({
  name: 'account',
  routes: [{ path: '/account', element: <AccountPage /> }],
});

/** Reached from the organisations page (platform administrators). */
export const schedulerWebModule = defineWebModule({
  name: 'scheduler',
  routes: [{ path: '/scheduled-tasks', element: <ScheduledTasksPage /> }],
});
