import type { KindDefinition } from '../../registry/definition.ts';
import { kindByName } from '../../registry/kinds/index.ts';

/** The registry kinds of the third-countries area (defined in src/registry/kinds/third-countries). */
export const projectKind: KindDefinition = kindByName('cooperation_project')!;
export const externalOrgKind: KindDefinition = kindByName('external_organisation')!;
export const supportNeedKind: KindDefinition = kindByName('support_need')!;
