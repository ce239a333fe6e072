import type { ReactNode } from 'react';
import { requireVerifiedUser } from '@/lib/auth';

/** Every page in here needs a verified, active phone number; without one the user registers it first. */
export default async function VerifiedLayout({ children }: { children: ReactNode }) {
  await requireVerifiedUser();
  return children;
}
