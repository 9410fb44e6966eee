import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUserDto } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { adminKeys } from './admin-keys';

export function useAdminUsers(search: string) {
  return useQuery({
    queryKey: adminKeys.users(search),
    queryFn: ({ signal }) =>
      apiClient.get<{ users: AdminUserDto[] }>(`/admin/users${search ? `?${new URLSearchParams({ search })}` : ''}`, {
        signal,
      }),
    select: (data) => data.users,
    placeholderData: keepPreviousData,
  });
}

export function useSetAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isAdmin }: { id: number; isAdmin: boolean }) =>
      apiClient.patch<{ user: AdminUserDto }>(`/admin/users/${id}`, { isAdmin }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
