import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { buttonVariants } from '@/components/ui/button';

export default function Forbidden() {
  const t = useTranslations('common.forbidden');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-medium text-primary">403</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-md text-muted-foreground">{t('text')}</p>
      <Link href="/groups" className={buttonVariants({ variant: 'outline' })}>
        {t('back')}
      </Link>
    </main>
  );
}
