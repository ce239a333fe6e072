export { auth, signIn, signOut, handlers } from './auth';
export { providerId } from './providers';
export { getCurrentUser, requireUser, requireVerifiedUser, roleKey, type CurrentUser } from './session';
