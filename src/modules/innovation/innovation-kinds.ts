import type { KindDefinition } from '../../registry/definition.ts';
import { kindByName } from '../../registry/kinds/index.ts';

/** The registry kinds of the innovation area (defined in src/registry/kinds/innovation). */
export const initiativeKind: KindDefinition = kindByName('innovation_initiative')!;
export const commonKind: KindDefinition = kindByName('common_initiative')!;
