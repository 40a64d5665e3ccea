import type { AdminUserView, MeView } from './dto/index.js';
import type { ProfileEntity, UserEntity } from './user.entity.js';

const emptyProfile = (userId: number): ProfileEntity => ({ userId, fullName: '', phone: null, address: null });

export function toMeView(user: UserEntity): MeView {
  const profile = user.profile ?? emptyProfile(user.id);
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    isActive: user.isActive,
    emailVerifiedAt: user.emailVerifiedAt,
    phoneVerifiedAt: user.phoneVerifiedAt,
    createdAt: user.createdAt,
    profile: { fullName: profile.fullName, phone: profile.phone, address: profile.address },
  };
}

export function toAdminUserView(user: UserEntity): AdminUserView {
  const profile = user.profile ?? emptyProfile(user.id);
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    isActive: user.isActive,
    fullName: profile.fullName,
    phone: profile.phone,
    address: profile.address,
    emailVerifiedAt: user.emailVerifiedAt,
    phoneVerifiedAt: user.phoneVerifiedAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
