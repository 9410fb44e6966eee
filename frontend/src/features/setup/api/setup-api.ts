import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetupBody, TrainingMaxesResponse } from '@liftplan/domain';
import { apiClient } from '@/lib/api-client';
import { invalidateTrainingState, trainingStateKeys } from '@/lib/training-state';

export const saveTrainingMaxes = (body: SetupBody) =>
  apiClient.post<TrainingMaxesResponse>('/training-maxes/setup', body);

export function useSaveTrainingMaxes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTrainingMaxes,
    onSuccess: (response) => {
      void invalidateTrainingState(queryClient);
      // The answer is the new state of the TMs: no refetch needed for them.
      queryClient.setQueryData(trainingStateKeys.trainingMaxes, response);
    },
  });
}
