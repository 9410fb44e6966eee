// The API's request and response shapes, for the SPA: types only, all inferred from the zod schemas the API
// validates with. Only schema modules (zod + the pure engine) may be reachable from here.
export type { AuthResponse, LoginBody, RegisterBody } from './auth/auth.schemas';
export type { UserDto, UpdateMeBody } from './users/users.schemas';
export type { AdminUserDto } from './admin-users/admin-users.schemas';
export type { ErrorBody, FieldIssue } from './http/error-body';
export type {
  ExerciseDto,
  ExerciseRef,
  ExerciseUsage,
  CreateExerciseBody,
  UpdateExerciseBody,
  ListExercisesQuery,
} from './exercises/exercises.schemas';
export type {
  PlanBody,
  PlanDayInput,
  ProgressionRuleInput,
  PlanDetailDto,
  PlanDayDto,
  PlanExerciseDto,
  PlanSetDto,
  PlanSummaryDto,
  ProgressionRuleDto,
  ExerciseRefDto,
} from './plans/plans.schemas';
export type { PlanPreviewBody, PlanPreview } from './plans/plan-preview';
export type { SubscribeResponse, CurrentPlanResponse } from './subscriptions/subscriptions.schemas';
export type { SetupBody, AdjustBody, TrainingMaxesResponse, TmHistoryResponse } from './training-maxes/training-maxes.schemas';
export type {
  WorkoutDto,
  WorkoutSetDto,
  WorkoutSummaryDto,
  CompleteWorkoutResponse,
  ProgressionResultDto,
  LogSetBody,
  LoggedSetDto,
} from './workouts/workouts.schemas';
export type { ProgressResponse } from './progress/progress.schemas';
export type { QuickEntrySet, QuickEntryResult } from './engine/quick-entry';
