import { useEffect, useState } from 'react';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { syncPendingNotes, unsentNoteCount } from '@/features/workout/api/note-outbox';
import { retryAllSaves, unsavedSetCount } from '@/features/workout/api/workout-api';

type Unsent = { sets: number; notes: number };

const unsentOf = (userId: number): Unsent => ({ sets: unsavedSetCount(userId), notes: unsentNoteCount(userId) });
const isEmpty = ({ sets, notes }: Unsent) => sets === 0 && notes === 0;

/**
 * "Log out", asking first when logged sets or a workout note have not reached the server yet: the lifter can stay
 * signed in until they are sent, or log out anyway, and then they stay on this device for this account's next
 * sign-in.
 */
export function LogoutButton({ userId, onLogout }: { userId: number; onLogout: () => void }) {
  const [asking, setAsking] = useState(false);
  const [unsent, setUnsent] = useState<Unsent>({ sets: 0, notes: 0 });

  useEffect(() => {
    if (!asking) return;
    retryAllSaves();
    void syncPendingNotes(userId);
    const interval = setInterval(() => setUnsent(unsentOf(userId)), 500);
    return () => clearInterval(interval);
  }, [asking, userId]);

  const start = () => {
    const now = unsentOf(userId);
    if (isEmpty(now)) return onLogout();
    setUnsent(now);
    setAsking(true);
  };

  const pending = !isEmpty(unsent);
  return (
    <>
      <Button variant="ghost" onClick={start}>
        Log out
      </Button>
      {asking && (
        <ConfirmDialog
          title={pending ? titleOf(unsent) : 'All sets are saved'}
          cancelLabel="Stay signed in"
          confirmLabel={pending ? 'Log out anyway' : 'Log out'}
          danger={pending}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onLogout();
          }}
        >
          {pending ? (
            <p>
              {whatIsUnsent(unsent)} not reached the server yet{navigator.onLine ? '' : ' because you are offline'}.
              Stay signed in and {unsent.sets + unsent.notes === 1 ? 'it is' : 'they are'} sent as soon as possible. If
              you log out, {unsent.sets + unsent.notes === 1 ? 'it stays' : 'they stay'} on this device and{' '}
              {unsent.sets + unsent.notes === 1 ? 'is' : 'are'} sent the next time you sign in to this account.
            </p>
          ) : (
            <p>Everything you logged is on the server.</p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

const titleOf = ({ sets }: Unsent) => (sets > 0 ? 'Some sets are not saved yet' : 'A workout note is not saved yet');

/** "1 set you logged has", "2 sets you logged and your workout note have", "your workout note has". */
function whatIsUnsent({ sets, notes }: Unsent): string {
  const setPart = sets === 0 ? '' : sets === 1 ? '1 set you logged' : `${sets} sets you logged`;
  const notePart = notes === 0 ? '' : notes === 1 ? 'your workout note' : `${notes} workout notes`;
  const subject = [setPart, notePart].filter(Boolean).join(' and ');
  const capitalised = subject.charAt(0).toUpperCase() + subject.slice(1);
  return `${capitalised} ${sets + notes === 1 ? 'has' : 'have'}`;
}
