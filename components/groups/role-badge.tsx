import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

/** A member role (Admin, Member, Subscriber) or "Not a member", in the page's language. */
export function RoleBadge({ role }: { role: string }) {
  const t = useTranslations('groups.roles');
  const label = role === 'Admin' || role === 'Member' || role === 'Subscriber' ? t(role) : t('none');
  return <Badge variant={role === 'Admin' ? 'default' : role === 'Member' || role === 'Subscriber' ? 'outline' : 'muted'}>{label}</Badge>;
}
