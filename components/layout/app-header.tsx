import { Building2, Phone, Plug } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { roleLabel, type CurrentUser } from '@/lib/auth';
import { formatPhone } from '@/lib/phone';
import { HeaderMenu } from './header-menu';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { ThemeSwitch } from './theme-switch';

export interface HeaderUser {
  name: string;
  email: string | null;
  tenantName: string;
  role: string;
  activePhone: string | null;
}

export function headerUser(user: CurrentUser): HeaderUser {
  return {
    name: user.name ?? user.email ?? 'Signed-in user',
    email: user.email,
    tenantName: user.tenantName,
    role: roleLabel(user),
    activePhone: user.activePhone ? formatPhone(user.activePhone) : null,
  };
}

/**
 * The portal header. `user: null` on the public pages (the API reference) for a signed-out visitor: the
 * logo and a sign-in link that comes back to `signInReturnTo`.
 */
export function AppHeader({ user, signInReturnTo }: { user: HeaderUser | null; signInReturnTo?: string }) {
  if (!user) {
    const href = signInReturnTo ? `/signin?callbackUrl=${encodeURIComponent(signInReturnTo)}` : '/signin';
    return (
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex w-full max-w-6xl items-center gap-6 px-4 py-3 sm:px-6">
          <Logo />
          <ThemeSwitch className="ml-auto" />
          <Link href={href} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            Sign in
          </Link>
        </div>
      </header>
    );
  }
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Logo />
        <HeaderMenu>
          <NavLinks />
          <div className="flex items-center justify-between gap-4 md:ml-auto md:justify-end">
            <div className="text-left text-sm leading-tight md:text-right" aria-label="Signed-in user">
              <div className="font-medium" data-testid="user-name">
                {user.name}
              </div>
              <div className="flex items-center gap-2 text-xs text-muted-foreground md:justify-end">
                <span className="inline-flex items-center gap-1" data-testid="user-tenant">
                  <Building2 aria-hidden className="size-3" />
                  {user.tenantName}
                </span>
                <Badge variant={user.role === 'Organization admin' ? 'default' : 'muted'} data-testid="user-role">
                  {user.role}
                </Badge>
              </div>
              {user.activePhone && (
                <div className="inline-flex items-center gap-1 text-xs text-muted-foreground" data-testid="user-phone">
                  <Phone aria-hidden className="size-3" />
                  {user.activePhone}
                </div>
              )}
            </div>
            <div className="flex items-center gap-2">
              <ThemeSwitch />
              <SignOutButton />
            </div>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold">
      <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground">
        <Plug aria-hidden className="size-4" />
      </span>
      Connector Portal
    </Link>
  );
}
