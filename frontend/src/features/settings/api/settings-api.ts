import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateMeBody, UserDto } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { currentUserQueryKey, type CurrentUserResponse } from '@/lib/current-user';
import { invalidateTrainingState, trainingStateKeys } from '@/lib/training-state';

export const updateMe = (body: UpdateMeBody) => apiClient.patch<{ user: UserDto }>('/users/me', body);

/** Saves profile settings; every screen showing the user updates from the answer. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (response, body) => {
      queryClient.setQueryData<CurrentUserResponse>(currentUserQueryKey, response);
      // A time zone moves what today is, so every date of the schedule.
      if (body.unitPreference !== undefined || body.timeZone !== undefined) void invalidateTrainingState(queryClient);
      // Increment and rounding change every weight a projection of a plan shows.
      if (body.weightIncrement !== undefined || body.rounding !== undefined) {
        void queryClient.invalidateQueries({ queryKey: trainingStateKeys.projections });
      }
      // Plates and bar change the per-side breakdown of workouts in progress.
      if (body.unitPreference !== undefined || body.plates !== undefined || body.barWeight !== undefined) {
        void queryClient.invalidateQueries({ queryKey: ['workout'] });
      }
    },
  });
}
