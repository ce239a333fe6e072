import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { buttonVariants } from '@/components/ui/button';

export default function NotFound() {
  const t = useTranslations('common.notFound');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-medium text-primary">404</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-muted-foreground">{t('text')}</p>
      <Link href="/" className={buttonVariants({ variant: 'outline' })}>
        {t('back')}
      </Link>
    </main>
  );
}
