import type { KindDefinition } from '../../contract/registry-kinds.ts';
import { kindByName } from '../../registry/kinds/index.ts';

/** The registry kind of coordinated messages (src/registry/kinds/communication/message.kind.ts). */
export const messageKind: KindDefinition = kindByName('message')!;
