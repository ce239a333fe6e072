export { auth, signIn, signOut, handlers } from './auth';
export { providerId } from './providers';
export { getCurrentUser, requireUser, requireVerifiedUser, roleLabel, type CurrentUser } from './session';
