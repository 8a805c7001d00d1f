import { defineWebModule } from '../web-module.ts';
import { DirectoryPage } from './DirectoryPage.tsx';

/** The directory: who is who, for signed-in members (GET /directory). */
export const directoryWebModule = defineWebModule({
  name: 'directory',
  routes: [{ path: '/directory', element: <DirectoryPage /> }],
  nav: [{ to: '/directory', label: 'directory.nav' }],
});
