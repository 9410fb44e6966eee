// What the API and the SPA share: the pure engine (no I/O), the zod request/response schemas and the error codes.
export * from './engine';
export * from './errors';
export * from './plan-preview';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/users';
export * from './schemas/admin-users';
export * from './schemas/exercises';
export * from './schemas/plans';
export * from './schemas/subscriptions';
export * from './schemas/schedule';
export * from './schemas/training-maxes';
export * from './schemas/workouts';
export * from './schemas/workout-changes';
export * from './schemas/progress';
export * from './schemas/projection';
export * from './api-contract';
