import { Secret, TOTP } from 'otpauth';

/**
 * The local provider's second factor, as Cognito's software-token MFA works on
 * AWS: RFC 6238 codes (SHA-1, 6 digits, 30 s) from an authenticator app. One step either side is accepted for clock drift.
 */
const totpOf = (secret: string) =>
  new TOTP({ issuer: 'Pakt', label: 'Pakt', secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const currentCode = (secret: string): string => totpOf(secret).generate();

export const isValidCode = (secret: string, code: string): boolean => /^\d{6}$/.test(code) && totpOf(secret).validate({ token: code, window: 1 }) !== null;

/**
 * Published on purpose: the demo accounts are enrolled with this key, so that
 * `npm start` signs in without a phone (the code page shows the current code).
 * Never an account of a real deployment: Cognito keeps those keys.
 */
export const demoTotpSecret = 'PAKTDEMOSECRETKEYFORTOTPSIGNIN23';
