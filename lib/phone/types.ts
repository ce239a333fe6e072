import type { pinChallenges } from '@/db/schema';

export type PinPurpose = (typeof pinChallenges.purpose.enumValues)[number];

export interface PinActor {
  userId: string | null;
  tenantId: string | null;
  ip: string | null;
  /** API and OAuth PINs: the connector asking (the PIN works only through it); null in the portal */
  connectorId?: string | null;
}
