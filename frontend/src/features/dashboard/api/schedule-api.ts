import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnrolmentResponse, ScheduleDayDto, ScheduleResponse } from '@liftplan/domain';
import { useState } from 'react';
import { apiClient } from '@/lib/api-client';
import { addDays, mondayOf, todayIn, type PlainDate } from '@/lib/plain-date';
import { invalidateTrainingState, trainingStateKeys } from '@/lib/training-state';

export const fetchSchedule = (from: PlainDate, to: PlainDate, signal?: AbortSignal) =>
  apiClient.get<ScheduleResponse>(`/schedule?from=${from}&to=${to}`, { signal });

export type ScheduleWeek = { monday: PlainDate; days: ScheduleDayDto[] };

/**
 * Days asked for around a guess of today. This device's clock may disagree with the server's by a day or more (a
 * trip, a wrong clock), so the range is wide enough to hold this week and next either way; only the server's
 * `today` picks the weeks shown.
 */
const DAYS_BEFORE_GUESS = 9;
const DAYS_AFTER_GUESS = 22;

/** This week and next (Monday to Sunday) of the answer, or null when its range doesn't hold both. */
function twoWeeks(schedule: ScheduleResponse): [ScheduleWeek, ScheduleWeek] | null {
  const monday = mondayOf(schedule.today);
  const first = schedule.days.findIndex((day) => day.date === monday);
  if (first < 0 || first + 14 > schedule.days.length) return null;
  return [
    { monday, days: schedule.days.slice(first, first + 7) },
    { monday: addDays(monday, 7), days: schedule.days.slice(first + 7, first + 14) },
  ];
}

/**
 * The lifter's calendar for this week and next. The first request is centred on today by this device's clock in
 * the lifter's zone; should the server's today fall outside it, the range moves to the server's today once.
 */
export function useTwoWeekSchedule(timeZone: string) {
  const [guess, setGuess] = useState(() => todayIn(timeZone));
  const [from, to] = [addDays(guess, -DAYS_BEFORE_GUESS), addDays(guess, DAYS_AFTER_GUESS)];
  const query = useQuery({
    queryKey: [...trainingStateKeys.schedule, from, to],
    queryFn: ({ signal }) => fetchSchedule(from, to, signal),
    placeholderData: keepPreviousData,
  });
  const weeks = query.data ? twoWeeks(query.data) : null;
  const serverToday = query.data?.today;
  if (serverToday && weeks === null && !query.isPlaceholderData && serverToday !== guess) setGuess(serverToday);
  return { query, weeks };
}

const changeEnrolment = (action: 'pause' | 'resume' | 'end') => () =>
  apiClient.post<EnrolmentResponse>(`/plans/current/${action}`);

/** Pause, resume or end the current program; everything that shows the plan or its calendar refreshes. */
function useEnrolmentChange(action: 'pause' | 'resume' | 'end') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeEnrolment(action),
    onSuccess: () => invalidateTrainingState(queryClient),
  });
}

export const usePauseProgram = () => useEnrolmentChange('pause');
export const useResumeProgram = () => useEnrolmentChange('resume');
export const useEndProgram = () => useEnrolmentChange('end');
