import { z } from 'zod';

/** Shapes the risk routes share (params and the answer of a started job). */
export const idParams = z.strictObject({ id: z.uuid() });
export const accepted = z.object({ jobId: z.uuid() });
