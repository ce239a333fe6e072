import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInCard } from '@/components/auth/sign-in-card';
import { getCurrentUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  if (await getCurrentUser()) redirect('/');
  return <SignInCard callbackUrl={one(params.callbackUrl)} error={one(params.error)} signedOut={one(params.signedOut) === '1'} />;
}
