import type { auth as vi } from '../vi/auth.js';

export const auth: Record<keyof typeof vi, string> = {
  signInTitle: 'Sign in',
  signInSubtitle: 'For union officers at every level',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Repeat the new password',
  passwordMismatch: 'The passwords do not match.',
  passwordHint: 'At least 10 characters; not a common password (such as 1234567890, password123).',
  passwordChanged: 'Password changed.',
  signedOut: 'You are signed out.',
  welcome: 'Hello, {name}',
  yourRoles: 'Your roles',
  subtreeSuffix: '(and sub-units)',
  noRoles: 'This account has no role yet. Please contact the administrator.',
  languageSaved: 'Interface language saved.',
};
