import { ApiError } from '@/lib/api-client';

/**
 * A request failure as a sentence for an admin. A 403 here means this account's admin rights were removed (the
 * server checks them on every request; the menus come from the token until the next sign-in).
 */
export function adminErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403)
      return 'Your admin rights have been removed. Sign out and in again to refresh your menus.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
