import { toNumber } from '@liftplan/domain';
import type { User } from '../generated/prisma/client';
import type { UserDto } from '@liftplan/domain';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    unitPreference: user.unitPreference as UserDto['unitPreference'],
    weightIncrement: toNumber(user.weightIncrement),
    barWeight: toNumber(user.barWeight),
    plates: user.plates.map(toNumber),
    rounding: user.rounding as UserDto['rounding'],
    warmups: user.warmups as UserDto['warmups'],
    defaultRestSeconds: user.defaultRestSeconds,
    timeZone: user.timeZone,
    isAdmin: user.isAdmin,
    createdAt: user.createdAt.toISOString(),
  };
}
