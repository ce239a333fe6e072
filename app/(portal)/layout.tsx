import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { requireUser, roleLabel } from '@/lib/auth';
import { formatPhone } from '@/lib/phone';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <AppHeader
        user={{
          name: user.name ?? user.email ?? 'Signed-in user',
          email: user.email,
          tenantName: user.tenantName,
          role: roleLabel(user),
          activePhone: user.activePhone ? formatPhone(user.activePhone) : null,
        }}
      />
      <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
