import { ApiError } from '@/lib/api-client';

/**
 * A request failure as a sentence for an admin. A 403 here means the token predates a promotion (admin rights are
 * read from the token, and apply from the next sign-in).
 */
export function adminErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'The server does not accept you as an administrator yet. Sign out and in again: admin rights apply from the next sign-in.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
