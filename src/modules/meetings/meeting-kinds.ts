import type { KindDefinition } from '../../registry/definition.ts';
import { kindByName } from '../../registry/kinds/index.ts';

/** The registry kinds this module works with (defined in src/registry/kinds/communication). */
export const meetingKind: KindDefinition = kindByName('meeting')!;
export const actionPointKind: KindDefinition = kindByName('action_point')!;
