import type { KindDefinition } from '../../registry/definition.ts';
import { kindByName } from '../../registry/kinds/index.ts';

/** The registry kinds this module works with (defined in src/registry/kinds/training). */
export const trainingEventKind: KindDefinition = kindByName('training_event')!;
