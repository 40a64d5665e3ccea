/** The back office's public pages (outside the signed-in layout). `/reset-password` is where `<PUBLIC_URL>/reset-password` sends staff. */
export const forgotPasswordRoute = { path: '/forgot-password' } as const;
export const resetPasswordRoute = { path: '/reset-password' } as const;
