import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInCard } from '@/components/auth/sign-in-card';
import { getCurrentUser } from '@/lib/auth';
import { firstParam } from '@/lib/utils';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect('/');
  return <SignInCard callbackUrl={firstParam(params.callbackUrl)} error={firstParam(params.error)} signedOut={firstParam(params.signedOut) === '1'} />;
}
