import { defineWebModule } from '../web-module.ts';
import { ImportWizardPage } from './ImportWizardPage.tsx';
import { RecordFormPage } from './RecordFormPage.tsx';
import { RecordPage } from './RecordPage.tsx';
import { RegistryHomePage } from './RegistryHomePage.tsx';
import { RegistryListPage } from './RegistryListPage.tsx';
import { RegistryViewPage } from './views/RegistryViewPage.tsx';

/** The registries: every kind's list, detail, form, import wizard and views, from its definition. */
export const registryWebModule = defineWebModule({
  name: 'registry',
  routes: [
    { path: '/registry', element: <RegistryHomePage /> },
    { path: '/registry/:kind', element: <RegistryListPage /> },
    { path: '/registry/:kind/new', element: <RecordFormPage /> },
    { path: '/registry/:kind/import', element: <ImportWizardPage /> },
    { path: '/registry/:kind/:id', element: <RecordPage /> },
    { path: '/registry/:kind/:id/edit', element: <RecordFormPage /> },
    { path: '/registry/:kind/views/:viewType', element: <RegistryViewPage /> },
  ],
  nav: [{ to: '/registry', label: 'registry.nav' }],
});
