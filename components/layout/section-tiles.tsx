import { BookOpen, Cable, Link2, Phone, Plug, ScrollText, Users } from 'lucide-react';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { NAV_SECTIONS } from './sections';

const ICONS = { phone: Phone, plug: Plug, users: Users, link: Link2, scroll: ScrollText, book: BookOpen, cable: Cable };

export async function SectionTiles() {
  const t = await getTranslations('layout');
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('sections.label')}>
      {NAV_SECTIONS.map((s) => {
        const Icon = ICONS[s.icon];
        return (
          <li key={s.href}>
            <Card className="flex h-full flex-col">
              <CardHeader>
                <div className="mb-2 flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary">
                  <Icon aria-hidden className="size-5" />
                </div>
                <CardTitle>
                  <Link href={s.href} className="hover:underline">
                    {t(`sections.${s.key}.title`)}
                  </Link>
                </CardTitle>
                <CardDescription>{t(`sections.${s.key}.description`)}</CardDescription>
              </CardHeader>
              {s.actionHref && (
                <CardContent className="mt-auto">
                  <Link href={s.actionHref} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
                    {t(`sections.${s.key}.action`)}
                  </Link>
                </CardContent>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
