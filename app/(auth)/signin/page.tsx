import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInCard } from '@/components/auth/sign-in-card';
import { getCurrentUser } from '@/lib/auth';
import { firstParam } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signIn'))('metaTitle') };
}

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect('/');
  return <SignInCard callbackUrl={firstParam(params.callbackUrl)} error={firstParam(params.error)} signedOut={firstParam(params.signedOut) === '1'} />;
}
