import passport from 'passport';

/**
 * This application's own passport authenticator, on which its strategies register and through
 * which the access guard authenticates. Not passport's process-wide singleton: two applications
 * in one process (the tests run several) must not use each other's strategies and databases.
 */
export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

export type Authenticator = passport.Authenticator;

export const authenticatorProvider = { provide: AUTHENTICATOR, useFactory: (): Authenticator => new passport.Passport() };
