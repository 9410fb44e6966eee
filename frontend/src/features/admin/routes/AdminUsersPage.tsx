import { useState } from 'react';
import type { AdminUserDto } from '@liftplan/domain';
import { Badge } from '@/components/Badge';
import { Button } from '@/components/Button';
import { EmptyState } from '@/components/EmptyState';
import { ErrorMessage } from '@/components/ErrorMessage';
import { QueryState } from '@/components/QueryState';
import { useCurrentUser } from '@/lib/current-user';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAdminUsers, useSetAdmin } from '../api/users-api';
import { adminErrorMessage } from '../components/admin-errors';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useDebouncedValue } from '../use-debounced-value';

export function AdminUsersPage() {
  useDocumentTitle('Admins · Admin');
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const users = useAdminUsers(debounced);
  const [changing, setChanging] = useState<AdminUserDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="page admin-page">
      <div className="admin-page__header">
        <h1 className="page__title">Admins</h1>
      </div>
      <p className="muted">
        Administrators manage the exercise library, plans and other admins. A change applies at once; the person sees
        the admin menu change at their next sign-in.
      </p>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      <form className="filters" role="search" aria-label="Find users" onSubmit={(event) => event.preventDefault()}>
        <div className="field filters__search">
          <label className="field__label" htmlFor="user-search">
            Search users
          </label>
          <input
            id="user-search"
            className="field__input"
            type="search"
            placeholder="Email or name"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </form>

      <QueryState
        query={users}
        loadingLabel="Loading users…"
        errorTitle="We couldn't load the users"
        errorMessage={adminErrorMessage}
      >
        {(userList) =>
          userList.length === 0 ? (
            <EmptyState title="Nobody matches" description="Try part of an email address or a name." />
          ) : (
            <UsersTable
              users={userList}
              isRefreshing={users.isPlaceholderData}
              meId={me.id}
              onChangeRole={setChanging}
            />
          )
        }
      </QueryState>

      {changing && (
        <ChangeRoleDialog
          user={changing}
          onCancel={() => setChanging(null)}
          onDone={(updated) => {
            setNotice(
              updated.isAdmin
                ? `${updated.displayName} is now an admin.`
                : `${updated.displayName} is no longer an admin.`,
            );
            setChanging(null);
          }}
        />
      )}
    </div>
  );
}

type UsersTableProps = {
  users: AdminUserDto[];
  isRefreshing: boolean;
  meId: number;
  onChangeRole: (user: AdminUserDto) => void;
};

function UsersTable({ users, isRefreshing, meId, onChangeRole }: UsersTableProps) {
  return (
    <div className="table-scroll" aria-busy={isRefreshing || undefined}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isMe = user.id === meId;
            return (
              <tr key={user.id}>
                <th scope="row">
                  {user.displayName}
                  {isMe && <span className="muted"> (you)</span>}
                </th>
                <td>{user.email}</td>
                <td>{user.isAdmin ? <Badge tone="primary">Admin</Badge> : 'Lifter'}</td>
                <td>{new Date(user.createdAt).toLocaleDateString()}</td>
                <td className="data-table__actions">
                  {user.isAdmin ? (
                    <Button
                      variant="secondary"
                      disabled={isMe}
                      title={isMe ? 'You can’t remove your own admin rights; another admin can.' : undefined}
                      aria-label={`Remove admin rights from ${user.displayName}`}
                      onClick={() => onChangeRole(user)}
                    >
                      Remove admin
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      aria-label={`Make ${user.displayName} an admin`}
                      onClick={() => onChangeRole(user)}
                    >
                      Make admin
                    </Button>
                  )}
                  {isMe && user.isAdmin && (
                    <span className="muted data-table__note">Another admin can remove yours.</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ChangeRoleDialog({
  user,
  onCancel,
  onDone,
}: {
  user: AdminUserDto;
  onCancel: () => void;
  onDone: (user: AdminUserDto) => void;
}) {
  const setAdmin = useSetAdmin();
  const promote = !user.isAdmin;
  return (
    <ConfirmDialog
      title={promote ? `Make ${user.displayName} an admin?` : `Remove ${user.displayName}’s admin rights?`}
      confirmLabel={promote ? 'Make admin' : 'Remove admin'}
      danger={!promote}
      isLoading={setAdmin.isPending}
      onConfirm={() =>
        setAdmin.mutate({ id: user.id, isAdmin: promote }, { onSuccess: (result) => onDone(result.user) })
      }
      onCancel={onCancel}
    >
      <p>
        {promote
          ? `${user.email} will be able to edit the exercise library, every plan and the list of admins.`
          : `${user.email} goes back to being a lifter: no admin area, no plan editing.`}{' '}
        It applies at once.
      </p>
      {setAdmin.isError && <ErrorMessage message={adminErrorMessage(setAdmin.error)} />}
    </ConfirmDialog>
  );
}
