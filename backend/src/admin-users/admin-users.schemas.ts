import { z } from 'zod';
import { userDto } from '../users/users.schemas';

export const setAdminBody = z.strictObject({ isAdmin: z.boolean() });
export const adminUsersQuery = z.object({ search: z.string().trim().max(100).optional() });

export const adminUserDto = userDto.pick({ id: true, email: true, displayName: true, isAdmin: true, createdAt: true });
export type AdminUserDto = z.infer<typeof adminUserDto>;
