import { Building2, Phone, Plug } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { roleKey, type CurrentUser } from '@/lib/auth';
import { formatPhone } from '@/lib/phone';
import { HeaderMenu } from './header-menu';
import { LanguageSwitch } from './language-switch';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';
import { ThemeSwitch } from './theme-switch';

export interface HeaderUser {
  name: string;
  email: string | null;
  tenantName: string;
  role: ReturnType<typeof roleKey>;
  activePhone: string | null;
}

export function headerUser(user: CurrentUser): HeaderUser {
  return {
    name: user.name ?? user.email ?? '',
    email: user.email,
    tenantName: user.tenantName,
    role: roleKey(user),
    activePhone: user.activePhone ? formatPhone(user.activePhone) : null,
  };
}

/**
 * The portal header. `user: null` on the public pages (the API reference) for a signed-out visitor: the
 * logo and a sign-in link that comes back to `signInReturnTo`.
 */
export async function AppHeader({ user, signInReturnTo }: { user: HeaderUser | null; signInReturnTo?: string }) {
  const t = await getTranslations('layout');
  if (!user) {
    const href = signInReturnTo ? `/signin?callbackUrl=${encodeURIComponent(signInReturnTo)}` : '/signin';
    return (
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Logo name={t('header.productName')} />
          <LanguageSwitch className="ml-auto" />
          <ThemeSwitch />
          <Link href={href} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            {t('header.signIn')}
          </Link>
        </div>
      </header>
    );
  }
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Logo name={t('header.productName')} />
        <HeaderMenu>
          <NavLinks />
          <div className="flex flex-wrap items-center justify-between gap-4 md:ml-auto md:flex-nowrap md:justify-end">
            <div className="text-left text-sm leading-tight md:text-right" aria-label={t('header.signedInUser')}>
              <div className="font-medium" data-testid="user-name">
                {user.name || t('header.signedInUser')}
              </div>
              <div className="flex items-center gap-2 text-xs text-muted-foreground md:justify-end">
                <span className="inline-flex items-center gap-1" data-testid="user-tenant">
                  <Building2 aria-hidden className="size-3" />
                  {user.tenantName}
                </span>
                <Badge variant={user.role === 'orgAdmin' ? 'default' : 'muted'} data-testid="user-role">
                  {t(`roles.${user.role}`)}
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
              <LanguageSwitch />
              <ThemeSwitch />
              <SignOutButton />
            </div>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}

function Logo({ name }: { name: string }) {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold">
      <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground">
        <Plug aria-hidden className="size-4" />
      </span>
      {name}
    </Link>
  );
}
