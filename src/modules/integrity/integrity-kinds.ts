import type { KindDefinition } from '../../registry/definition.ts';
import { kindByName } from '../../registry/kinds/index.ts';

/** The registry kinds of the integrity area (defined in src/registry/kinds/integrity) and the action points. */
export const initiativeKind: KindDefinition = kindByName('integrity_initiative')!;
export const lessonKind: KindDefinition = kindByName('lesson_learned')!;
export const conductKind: KindDefinition = kindByName('code_of_conduct')!;
export const actionPointKind: KindDefinition = kindByName('action_point')!;
