import { z } from 'zod';
import { planChangeDto, planDetailDto } from './plans';
import { progressionResultDto } from './workouts';
import { enrolmentDto } from './schedule';

export const userPlanDto = z.object({
  id: z.number(),
  planId: z.number(),
  planVersionId: z.number(),
  version: z.number(),
  startedAt: z.string(),
});
const requiredExercise = z.object({ id: z.number(), slug: z.string(), name: z.string() });
const missingTm = z.object({ exerciseId: z.number(), slug: z.string(), name: z.string() });

export const subscribeResponse = z.object({
  userPlan: userPlanDto,
  /** Status, dates, preferred days and progress (the schedule's enrolment). */
  enrolment: enrolmentDto,
  requiredExercises: z.array(requiredExercise),
  missingTMs: z.array(missingTm),
});
export type SubscribeResponse = z.infer<typeof subscribeResponse>;

export const planPositionDto = z.object({ cycle: z.number(), weekNumber: z.number(), dayNumber: z.number() });
export type PlanPositionDto = z.infer<typeof planPositionDto>;
export const nextWorkoutDto = planPositionDto.extend({
  dayName: z.string().nullable(),
  weekName: z.string().nullable(),
  isDeload: z.boolean(),
});
export type NextWorkoutDto = z.infer<typeof nextWorkoutDto>;

/** A newer published version of the lifter's plan, as `GET /api/plans/current` announces it. */
export const upgradeNoticeDto = z.object({
  version: z.number(),
  recommended: z.boolean(),
  note: z.string().nullable(),
});
export type UpgradeNoticeDto = z.infer<typeof upgradeNoticeDto>;

export const currentPlanResponse = subscribeResponse.extend({
  plan: planDetailDto,
  /** Where the lifter is: the workout `POST /api/workouts {}` starts. */
  next: nextWorkoutDto,
  /** next.dayNumber (seed 003's field). */
  nextDayNumber: z.number(),
  /** A newer published version of the plan (review it at GET /api/plans/current/upgrade); null when up to date. */
  upgradeAvailable: upgradeNoticeDto.nullable().optional(),
  inProgressWorkout: z
    .object({
      id: z.number(),
      cycle: z.number(),
      weekNumber: z.number(),
      dayNumber: z.number(),
      /**
       * TM exercises of the workout's weighted sets whose TM changed (a manual edit, a deload, another workout's
       * progression) after the workout was generated: `POST /api/workouts/:id/regenerate` re-prescribes its open sets.
       */
      staleTrainingMaxes: z.array(z.object({ exerciseId: z.number(), name: z.string() })).optional(),
    })
    .nullable(),
});
export type CurrentPlanResponse = z.infer<typeof currentPlanResponse>;

/** `GET /api/plans/current` for a lifter on no plan: 200 `{ plan: null }` (not a 404 that every console logs). */
export const noCurrentPlanResponse = z.object({
  plan: z.null(),
  /** The lifter's last enrolment (a finished Smolov Jr, an ended plan); absent when they never had one. */
  lastEnrolment: enrolmentDto.optional(),
});
export type NoCurrentPlanResponse = z.infer<typeof noCurrentPlanResponse>;
export const currentPlanOrNoneResponse = z.union([currentPlanResponse, noCurrentPlanResponse]);

export const skipResponse = z.object({
  skipped: planPositionDto,
  next: nextWorkoutDto,
  /** TM changes when the skip finished a cycle (cycle_increment rules). */
  progression: z.array(progressionResultDto),
});
export type SkipResponse = z.infer<typeof skipResponse>;

/** A set of a plan day prescribed with the lifter's TMs (weight null: no TM yet, or an accessory's own weight). */
export const prescribedPlanSetDto = z.object({
  exerciseId: z.number(),
  name: z.string(),
  kind: z.string(),
  percentage: z.number().nullable(),
  weight: z.number().nullable(),
  reps: z.number(),
  repsMax: z.number().nullable(),
  isAmrap: z.boolean(),
});
export type PrescribedPlanSetDto = z.infer<typeof prescribedPlanSetDto>;

export const upgradeSessionDto = nextWorkoutDto.extend({ sets: z.array(prescribedPlanSetDto) });
export type UpgradeSessionDto = z.infer<typeof upgradeSessionDto>;

/** `GET /api/plans/current/upgrade`: what changes, and the next workout under both versions with the lifter's TMs. */
export const upgradeOfferResponse = z.object({
  currentVersion: z.number(),
  unit: z.enum(['kg', 'lb']),
  upgrade: upgradeNoticeDto
    .extend({
      publishedAt: z.string().nullable(),
      changes: z.array(planChangeDto),
      /** The same position in the new version, clamped when it is shorter. */
      nextWorkout: z.object({ current: upgradeSessionDto.nullable(), upgraded: upgradeSessionDto.nullable() }),
    })
    .nullable(),
});
export type UpgradeOfferResponse = z.infer<typeof upgradeOfferResponse>;

/** The version the lifter reviewed: a newer one published meanwhile → 409 PLAN_CHANGED. */
export const upgradeBody = z.strictObject({ version: z.number().int().min(1).max(2_147_483_647) });
export type UpgradeBody = z.infer<typeof upgradeBody>;

export const upgradeResponse = z.object({
  fromVersion: z.number(),
  toVersion: z.number(),
  next: nextWorkoutDto,
});
export type UpgradeResponse = z.infer<typeof upgradeResponse>;
