import { useEffect, useState } from 'react';
import { Button } from '@/components/Button';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { retryAllSaves, unsavedSetCount } from '@/features/workout/api/workout-api';

/**
 * "Log out", asking first when logged sets have not reached the server yet: the lifter can stay signed in until
 * they are sent, or log out anyway, and then they stay on this device for this account's next sign-in.
 */
export function LogoutButton({ userId, onLogout }: { userId: number; onLogout: () => void }) {
  const [asking, setAsking] = useState(false);
  const [unsaved, setUnsaved] = useState(0);

  useEffect(() => {
    if (!asking) return;
    retryAllSaves();
    const interval = setInterval(() => setUnsaved(unsavedSetCount(userId)), 500);
    return () => clearInterval(interval);
  }, [asking, userId]);

  const start = () => {
    const count = unsavedSetCount(userId);
    if (count === 0) return onLogout();
    setUnsaved(count);
    setAsking(true);
  };

  return (
    <>
      <Button variant="ghost" onClick={start}>
        Log out
      </Button>
      {asking && (
        <ConfirmDialog
          title={unsaved > 0 ? 'Some sets are not saved yet' : 'All sets are saved'}
          cancelLabel="Stay signed in"
          confirmLabel={unsaved > 0 ? 'Log out anyway' : 'Log out'}
          danger={unsaved > 0}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onLogout();
          }}
        >
          {unsaved > 0 ? (
            <p>
              {unsaved === 1 ? '1 set you logged has' : `${unsaved} sets you logged have`} not reached the server yet
              {navigator.onLine ? '' : ' because you are offline'}. Stay signed in and they are sent as soon as
              possible. If you log out, they stay on this device and are sent the next time you sign in to this account.
            </p>
          ) : (
            <p>Everything you logged is on the server.</p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
