// The API's request and response shapes, for the SPA: types only, all inferred from the zod schemas the API
// validates with. Keep this file free of runtime imports beyond the schema modules.
export type { AuthResponse, LoginBody, RegisterBody } from './auth/auth.schemas';
export type { UserDto, UpdateMeBody } from './users/users.schemas';
export type { AdminUserDto } from './admin-users/admin-users.schemas';
export type { ErrorBody, FieldIssue } from './http/error-body';
