'use server';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { db } from '@/db';
import { users } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth';
import { isLocale, LOCALE_COOKIE } from './locales';

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * The language switch: remembered in this browser (cookie, also before sign-in) and, when signed in, on the user
 * (so a new browser starts in it). Returns false for a language we do not have.
 */
export async function setLocaleAction(locale: string): Promise<boolean> {
  if (!isLocale(locale)) return false;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: YEAR_S, sameSite: 'lax' });
  const user = await getCurrentUser();
  if (user) await db.update(users).set({ locale }).where(eq(users.id, user.id));
  return true;
}
