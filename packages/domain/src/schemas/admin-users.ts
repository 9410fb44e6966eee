import { z } from 'zod';
import { textInput } from './common';
import { userDto } from './users';

export const setAdminBody = z.strictObject({ isAdmin: z.boolean() });
export const adminUsersQuery = z.object({ search: textInput(100).optional() });

export const adminUserDto = userDto.pick({ id: true, email: true, displayName: true, isAdmin: true, createdAt: true });
export type AdminUserDto = z.infer<typeof adminUserDto>;
