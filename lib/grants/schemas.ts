import { z } from 'zod';

export const addConnectorSchema = z.object({ groupId: z.uuid(), connectorId: z.uuid({ error: 'Choose a connector.' }) });
export const grantIdSchema = z.object({ grantId: z.uuid() });
export const userTokenSchema = z.object({ connectorId: z.uuid() });
