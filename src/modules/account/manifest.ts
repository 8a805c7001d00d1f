import { defineModule } from '../manifest.ts';
import { accountRoutes } from './account-routes.ts';

/** My account: password, TOTP, recovery codes, API keys, profile. */
export const accountModule = defineModule({ name: 'account', routes: [accountRoutes] });
