import { defineWebModule } from '../web-module.ts';
import { DocumentsPage } from './DocumentsPage.tsx';

/** The document libraries of the networks and EUCAB bodies (the registry's `document` records). */
export const documentsWebModule = defineWebModule({
  name: 'documents',
  routes: [{ path: '/documents', element: <DocumentsPage /> }],
  nav: [{ to: '/documents', label: 'documents.nav' }],
});
